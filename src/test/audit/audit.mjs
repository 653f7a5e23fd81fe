// The GraphQL-over-HTTP audit of the npm package graphql-http, against a running service.
// Usage: node audit.mjs [url]   (default http://127.0.0.1:8080/graphql)
// Exits 1 when any MUST or SHOULD audit fails; MAYs are reported only.
import { serverAudits } from 'graphql-http';

const url = process.argv[2] || 'http://127.0.0.1:8080/graphql';
const counts = {};
let failed = 0;
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  const level = audit.name.split(' ')[0];
  counts[level] ??= { ok: 0, total: 0 };
  counts[level].total++;
  if (result.status === 'ok') {
    counts[level].ok++;
  } else if (level !== 'MAY') {
    failed++;
    console.log(`${result.status}: ${audit.name} (${result.reason})`);
  }
}
for (const [level, c] of Object.entries(counts)) {
  console.log(`${level}: ${c.ok}/${c.total}`);
}
console.log(failed === 0 ? 'graphql-http audit: every MUST and SHOULD passes' : `graphql-http audit: ${failed} MUST/SHOULD failed`);
process.exit(failed === 0 ? 0 : 1);
