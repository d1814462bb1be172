// GraphQL over HTTP conformance: runs every audit of graphql-http's `auditServer` against a
// GraphQL endpoint and prints one line per audit: its status (ok, notice, warn or error), its id,
// its name and, when it is not ok, the reason and the response's status and body.
//
//   node tests/conformance/audit.mjs http://127.0.0.1:8000/graphql
//
// With PARTNER_PORTAL_AUDIT_API_KEY set, every request carries that key as a bearer token (the
// audits that look a type up by `__type` need a caller allowed to introspect). The exit status is
// 0 when every audit is ok; anything else, a warning or a notice included, fails the run.
import { auditServer } from 'graphql-http';

const BODY_SHOWN = 300;

async function describe(response) {
  if (!response) return '';
  let body;
  try {
    body = await response.text();
  } catch {
    body = '(body already read by the audit)';
  }
  if (body.length > BODY_SHOWN) body = `${body.slice(0, BODY_SHOWN)}…`;
  const type = response.headers.get('content-type') ?? '(no content-type)';
  return ` [${response.status} ${type}] ${body}`;
}

async function main() {
  const [url] = process.argv.slice(2);
  if (!url || process.argv.length > 3) {
    console.error('usage: node tests/conformance/audit.mjs <url of the GraphQL endpoint>');
    return 2;
  }
  const apiKey = process.env.PARTNER_PORTAL_AUDIT_API_KEY;
  const fetchFn = (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (apiKey) headers.set('authorization', `Bearer ${apiKey}`);
    return fetch(input, { ...init, headers });
  };
  const results = await auditServer({ url, fetchFn });
  const failed = results.filter((result) => result.status !== 'ok');
  for (const result of results) {
    const line = `${result.status.padEnd(6)} ${result.id}  ${result.name}`;
    if (result.status === 'ok') {
      console.log(line);
    } else {
      console.log(`${line}\n       -> ${result.reason}${await describe(result.response)}`);
    }
  }
  console.log(
    `${results.length} audits: ${results.length - failed.length} ok, ${failed.length} not ok` +
      (apiKey ? ' (with an API key)' : ' (anonymous)'),
  );
  return failed.length === 0 ? 0 : 1;
}

process.exitCode = await main();
