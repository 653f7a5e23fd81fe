import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * First paint of the Atlas page, as bench/atlas-page-bench.sh runs it: opens URL in Debian's Chromium
 * (through Playwright) RUNS times, each in a fresh browser profile (empty HTTP cache), then RUNS times
 * again in one profile (a returning visitor), and prints per run: first contentful paint, the moment the
 * shaded map was drawn (the page's performance mark atlas:map-drawn), the GraphQL requests the page sent
 * and the bytes it received; then the medians.
 *
 *   java -cp "$(playwright classpath)" bench/AtlasFirstPaint.java URL [RUNS] [CHROMIUM]
 */
public class AtlasFirstPaint {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path chromium = Path.of(args.length > 2 ? args[2] : "/usr/bin/chromium");
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
                        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
            List<double[]> cold = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 820))) {
                    cold.add(measure(context, url, "cold " + (i + 1)));
                }
            }
            List<double[]> warm = new ArrayList<>();
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 820))) {
                measure(context, url, "warm-up");
                for (int i = 0; i < runs; i++) {
                    warm.add(measure(context, url, "returning " + (i + 1)));
                }
            }
            System.out.printf("median of %d, empty cache: first contentful paint %.0f ms, shaded map drawn %.0f ms%n", runs,
                    median(cold, 0), median(cold, 1));
            System.out.printf("median of %d, returning visitor: first contentful paint %.0f ms, shaded map drawn %.0f ms%n", runs,
                    median(warm, 0), median(warm, 1));
        }
    }

    private static double[] measure(BrowserContext context, String url, String label) {
        Page page = context.newPage();
        AtomicInteger graphql = new AtomicInteger();
        page.onRequest(r -> {
            if (r.url().contains("/graphql")) {
                graphql.incrementAndGet();
            }
        });
        page.navigate(url);
        page.waitForFunction("() => performance.getEntriesByName('atlas:map-drawn').length > 0", null,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
        @SuppressWarnings("unchecked")
        List<Number> times = (List<Number>) page.evaluate("() => [performance.getEntriesByName('first-contentful-paint')[0].startTime,"
                + " performance.getEntriesByName('atlas:map-drawn')[0].startTime,"
                + " performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))"
                + "   .reduce((n, e) => n + (e.transferSize || 0), 0)]");
        double fcp = times.get(0).doubleValue();
        double drawn = times.get(1).doubleValue();
        System.out.printf("%-12s first contentful paint %5.0f ms, shaded map drawn %5.0f ms, GraphQL requests %d, transferred %,d bytes%n",
                label, fcp, drawn, graphql.get(), times.get(2).longValue());
        page.close();
        return new double[] { fcp, drawn };
    }

    private static double median(List<double[]> runs, int column) {
        List<Double> values = new ArrayList<>();
        runs.forEach(r -> values.add(r[column]));
        Collections.sort(values);
        return values.get(values.size() / 2);
    }
}
