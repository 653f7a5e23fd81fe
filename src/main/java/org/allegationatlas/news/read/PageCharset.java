package org.allegationatlas.news.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a page's bytes into text. Declarations lie often enough (a server that says ISO-8859-1 in front
 * of UTF-8 pages, a template that copied another site's meta tag), so the bytes have the last word:
 * <ol>
 * <li>a byte order mark decides;</li>
 * <li>bytes that are valid UTF-8 and not plain ASCII are UTF-8, whatever was declared (text in a
 * single-byte charset is practically never valid UTF-8 by chance);</li>
 * <li>else the declaration: the HTTP header's charset, or the page's own {@code <meta charset>} or
 * {@code http-equiv} in its first bytes when the header names none or only a server's generic ISO-8859-1;
 * ISO-8859-1 and ASCII are read as windows-1252, as browsers do; a page declared UTF-8 whose non-ASCII bytes
 * mostly fail to decode is windows-1252;</li>
 * <li>else windows-1252, which maps every byte to a character.</li>
 * </ol>
 * jsoup detects BOMs and meta tags too, but not a lying declaration, hence this class.
 */
final class PageCharset {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** How far into the page a meta charset is looked for (the HTML standard's prescan reads 1024 bytes; pages put long scripts first). */
    private static final int PRESCAN_BYTES = 8192;
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    private PageCharset() {
    }

    /** The page as text, decoded as described above. */
    static String decode(byte[] bytes, String contentTypeHeader) {
        Charset bom = bomCharset(bytes);
        if (bom != null) {
            int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
            return new String(bytes, skip, bytes.length - skip, bom);
        }
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.ISO_8859_1); // the same text in any ASCII-compatible charset
        }
        if (isValidUtf8(bytes)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        Charset declared = declared(bytes, contentTypeHeader);
        if (declared == StandardCharsets.UTF_8) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            // a few broken bytes in a UTF-8 page become U+FFFD; a page whose every accent breaks is not UTF-8
            return mostlyBroken(text, bytes) ? new String(bytes, WINDOWS_1252) : text;
        }
        return new String(bytes, declared == null ? WINDOWS_1252 : declared);
    }

    /**
     * The charset declared for the page: the header's, unless it is a server's generic ISO-8859-1 (or
     * ASCII) and the page names another one itself; ISO-8859-1 is read as windows-1252. Null when none or unknown.
     */
    static Charset declared(byte[] bytes, String contentTypeHeader) {
        Charset header = contentTypeHeader == null ? null : named(HEADER_CHARSET.matcher(contentTypeHeader));
        Charset charset = header;
        if (header == null || header == StandardCharsets.ISO_8859_1 || header == StandardCharsets.US_ASCII) {
            String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
            Charset meta = named(META_CHARSET.matcher(head));
            charset = meta != null ? meta : header;
        }
        if (charset == null) {
            return null;
        }
        if (charset == StandardCharsets.ISO_8859_1 || charset == StandardCharsets.US_ASCII) {
            return WINDOWS_1252;
        }
        if (charset.name().startsWith("UTF-16")) {
            return StandardCharsets.UTF_8; // UTF-16 declared in ASCII-compatible bytes without a BOM: the standard reads UTF-8
        }
        return charset;
    }

    /** More than a quarter of the non-ASCII bytes ended as replacement characters. */
    private static boolean mostlyBroken(String text, byte[] bytes) {
        int nonAscii = 0;
        for (byte b : bytes) {
            if (b < 0) {
                nonAscii++;
            }
        }
        long replaced = text.chars().filter(c -> c == '\uFFFD').count();
        return replaced * 4 > nonAscii;
    }

    private static Charset named(Matcher matcher) {
        if (!matcher.find()) {
            return null;
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        if (name.equals("utf8")) {
            name = "utf-8";
        }
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
