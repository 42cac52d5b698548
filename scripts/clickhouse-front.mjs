#!/usr/bin/env node
// ClickHouse test server for Matey's tests: ClickHouse's HTTP interface on 127.0.0.1, served by the real
// ClickHouse engine embedded in the npm package `chdb` (docs/architecture.md §10). Every statement goes to
// chdb; this front only speaks HTTP, checks the password and maps chdb's errors to ClickHouse's HTTP form.
// It never answers a query itself.
//
// Environment (all optional):
//   MATEY_CLICKHOUSE_PORT      port to listen on (18123)
//   MATEY_CLICKHOUSE_DATA      data directory, kept across restarts (<repo>/.tools/clickhouse-data)
//   MATEY_CLICKHOUSE_USER      the one user (default)
//   MATEY_CLICKHOUSE_PASSWORD  its password (empty)
//   MATEY_CHDB_MODULES         node_modules folder holding chdb (<repo>/.tools/chdb/node_modules)
//
// Protocol served:
//   GET|HEAD /ping, GET / without a query     -> "Ok."
//   GET|POST /?query=...  and/or SQL in a POST body (the query parameter, a newline, then the body: an
//     INSERT's data may follow its statement); GET runs with readonly=2, as ClickHouse does.
//   database: `database` parameter or X-ClickHouse-Database header; output format: `default_format` or
//     X-ClickHouse-Format (TabSeparated by default; a FORMAT clause in the query wins, as in ClickHouse,
//     though the X-ClickHouse-Format response header still names the requested format).
//   credentials: basic auth, X-ClickHouse-User/X-ClickHouse-Key, or user/password parameters.
//   query parameters: param_<name>=<value> bind {name:Type} placeholders (not in INSERT statements).
//   any other URL parameter is a setting, applied with SET before the statement (chdb rejects unknown
//     ones); IGNORED_PARAMETERS below only shape the HTTP transfer, which this front does not stream.
//   Multi-statement queries are refused like ClickHouse refuses them. Compressed transfers and sessions
//     are refused with a clear error (tests connect with compress=false).
//   Response headers: X-ClickHouse-Query-Id, -Format, -Timezone, -Server-Display-Name, -Summary (only the
//     counters chdb reports: result rows/bytes of a query, written rows/bytes of an INSERT), and on errors
//     X-ClickHouse-Exception-Code with a "Code: N. DB::Exception: ..." body.
//
// Smoke check, as scripts/services.sh starts it (port 18123, password matey-test):
//   curl -s http://127.0.0.1:18123/ping                                                 # Ok.
//   curl -s -u default:matey-test 'http://127.0.0.1:18123/?query=SELECT+version()'      # 26.x
//   echo 'SELECT 1; SELECT 2' | curl -s -u default:matey-test --data-binary @- http://127.0.0.1:18123/
//                                                        # Code: 62 ... Multi-statements are not allowed
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.MATEY_CLICKHOUSE_PORT || 18123);
const dataDir = path.resolve(process.env.MATEY_CLICKHOUSE_DATA || path.join(repo, '.tools', 'clickhouse-data'));
const user = process.env.MATEY_CLICKHOUSE_USER || 'default';
const password = process.env.MATEY_CLICKHOUSE_PASSWORD || '';
const modules = path.resolve(process.env.MATEY_CHDB_MODULES || path.join(repo, '.tools', 'chdb', 'node_modules'));

const load = createRequire(path.join(modules, 'noop.js'));
const { Session } = load('chdb');
// The package's public API reports no written-row counts and cannot bind string-typed HTTP parameters
// verbatim, so two calls go to its native addon (the same entry points its own insert()/queryBind() use;
// services.sh pins the chdb version): InsertRawAsyncConnection(conn, statement, dataBytes) and
// QueryAsyncConnection(conn, sql, format, params).
const native = load(path.join(modules, 'chdb', 'dist', 'loader.js')).loadNative();

// Parameters the HTTP layer consumes itself.
const PROTOCOL_PARAMETERS = new Set(['query', 'database', 'default_format', 'user', 'password', 'query_id',
  'compress', 'decompress', 'session_id', 'session_timeout', 'session_check']);
// Parameters that only shape how the HTTP transfer streams, compresses or logs; results do not depend on them
// (responses are whole and uncompressed, which every client accepts).
const IGNORED_PARAMETERS = new Set(['wait_end_of_query', 'buffer_size', 'enable_http_compression',
  'send_progress_in_http_headers',
  'http_headers_progress_interval_ms', 'http_response_buffer_size', 'http_wait_end_of_query',
  'cancel_http_readonly_queries_on_client_close', 'http_write_exception_in_output_format',
  'http_zlib_compression_level', 'http_native_compression_disable_checksumming_on_decompress',
  'stacktrace', 'quota_key', 'client_protocol_version']);

// ClickHouse's HTTP status per exception name (src/Server/HTTP/exceptionCodeToHTTPStatus.cpp); else 500.
const HTTP_STATUS = new Map([
  [401, ['REQUIRED_PASSWORD']],
  [403, ['UNKNOWN_USER', 'WRONG_PASSWORD', 'AUTHENTICATION_FAILED', 'SET_NON_GRANTED_ROLE', 'ACCESS_DENIED']],
  [400, ['BAD_ARGUMENTS', 'CANNOT_COMPILE_REGEXP', 'CANNOT_PARSE_TEXT', 'CANNOT_PARSE_ESCAPE_SEQUENCE',
    'CANNOT_PARSE_QUOTED_STRING', 'CANNOT_PARSE_DATE', 'CANNOT_PARSE_DATETIME', 'CANNOT_PARSE_NUMBER',
    'CANNOT_PARSE_DOMAIN_VALUE_FROM_STRING', 'CANNOT_PARSE_IPV4', 'CANNOT_PARSE_IPV6', 'CANNOT_PARSE_UUID',
    'CANNOT_PARSE_INPUT_ASSERTION_FAILED', 'DUPLICATE_COLUMN', 'ILLEGAL_COLUMN', 'THERE_IS_NO_COLUMN',
    'UNKNOWN_ELEMENT_IN_AST', 'UNKNOWN_TYPE_OF_AST_NODE', 'TOO_DEEP_AST', 'TOO_BIG_AST',
    'UNEXPECTED_AST_STRUCTURE', 'SYNTAX_ERROR', 'INCORRECT_DATA', 'TYPE_MISMATCH',
    'VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE']],
  [404, ['UNKNOWN_TABLE', 'UNKNOWN_FUNCTION', 'UNKNOWN_IDENTIFIER', 'UNKNOWN_TYPE', 'UNKNOWN_STORAGE',
    'UNKNOWN_DATABASE', 'UNKNOWN_SETTING', 'UNKNOWN_DIRECTION_OF_SORTING', 'UNKNOWN_AGGREGATE_FUNCTION',
    'UNKNOWN_FORMAT', 'UNKNOWN_DATABASE_ENGINE', 'UNKNOWN_TYPE_OF_QUERY', 'UNKNOWN_ROLE']],
  [413, ['QUERY_IS_TOO_LARGE']],
  [501, ['NOT_IMPLEMENTED']],
  [503, ['SOCKET_TIMEOUT', 'CANNOT_OPEN_FILE', 'CANNOT_SCHEDULE_TASK']],
  [408, ['TIMEOUT_EXCEEDED']],
].flatMap(([status, names]) => names.map((name) => [name, status])));

/** An error in ClickHouse's own form; the front raises only these few, chdb raises the rest. */
class FrontError extends Error {
  constructor(code, name, text) {
    super(`Code: ${code}. DB::Exception: ${text}. (${name})`);
    this.clickhouseCode = code;
  }
}

const engine = new Session(dataDir); // binds the data directory for the life of the process
const [engineVersion, serverTimezone] = (await engine.queryAsync('SELECT version(), timezone()', { format: 'TabSeparated' }))
  .text().trim().split('\t');
const displayName = os.hostname();
// chdb shares parameter state between connections, so parameterised queries run one at a time.
let parameterQueue = Promise.resolve();

const server = http.createServer((request, response) => {
  serve(request, response).catch((error) => {
    console.error(`front: internal error: ${error.stack || error}`);
    if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=UTF-8' });
    response.end(`${error.message}\n`);
  });
});
server.keepAliveTimeout = 30_000; // longer than clients' idle re-validation (5 s in clickhouse-java)
server.on('error', (error) => {
  console.error(`front: cannot listen on 127.0.0.1:${port}: ${error.code ?? error.message}`);
  engine.close();
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  console.log(`front: ClickHouse ${engineVersion} (chdb) on http://127.0.0.1:${port}, data in ${dataDir}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => { engine.close(); process.exit(0); }));
}

async function serve(request, response) {
  const url = new URL(request.url, 'http://front');
  const body = await readBody(request);
  if (url.pathname === '/ping' || (url.pathname === '/' && request.method === 'GET' && !url.searchParams.has('query'))) {
    response.writeHead(200, { 'Content-Type': 'text/plain; charset=UTF-8' });
    response.end('Ok.\n');
    return;
  }
  if (url.pathname !== '/' || !['GET', 'POST'].includes(request.method)) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=UTF-8' });
    response.end(`There is no handle ${url.pathname}\n\nUse / or /ping for health checks.\n`);
    return;
  }
  const queryId = url.searchParams.get('query_id') || request.headers['x-clickhouse-query-id'] || randomUUID();
  const format = request.headers['x-clickhouse-format'] || url.searchParams.get('default_format') || 'TabSeparated';
  const headers = {
    'X-ClickHouse-Query-Id': queryId,
    'X-ClickHouse-Format': format,
    'X-ClickHouse-Timezone': url.searchParams.get('session_timezone') || serverTimezone,
    'X-ClickHouse-Server-Display-Name': displayName,
  };
  const started = process.hrtime.bigint();
  let session;
  try {
    authenticate(request, url);
    refuseUnsupportedTransfer(request, url);
    session = new Session(dataDir); // a fresh connection: no USE or SET leaks into the next request
    const result = await execute(session, request, url, body, format);
    const summary = { ...result.summary, elapsed_ns: String(process.hrtime.bigint() - started) };
    response.writeHead(200, { ...headers, 'X-ClickHouse-Summary': JSON.stringify(summary),
      'Content-Type': contentType(format), 'Content-Length': result.bytes.length });
    response.end(result.bytes);
    log(request, url, body, started, 200);
  } catch (error) {
    const message = String(error.message ?? error).trimEnd();
    const code = error.clickhouseCode ?? Number(/^Code: (\d+)\./.exec(message)?.[1] ?? 1002);
    const name = /\(([A-Z0-9_]+)\)$/.exec(message)?.[1];
    response.writeHead(HTTP_STATUS.get(name) ?? 500, { ...headers, 'X-ClickHouse-Exception-Code': String(code),
      'Content-Type': 'text/plain; charset=UTF-8' });
    response.end(`${message}\n`);
    log(request, url, body, started, code);
  } finally {
    session?.close();
  }
}

/** One line per statement: method, outcome (200 or the error code), time, parameter names, the SQL's start. */
function log(request, url, body, started, outcome) {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const names = [...url.searchParams.keys()].filter((name) => name !== 'query').join(',');
  const sql = `${url.searchParams.get('query') ?? ''} ${body.toString('latin1', 0, 200)}`.replace(/\s+/g, ' ').trim();
  console.log(`${request.method} ${outcome} ${ms.toFixed(1)}ms [${names}] ${sql.slice(0, 160)}`);
}

async function execute(session, request, url, body, format) {
  const queryParameter = url.searchParams.get('query') ?? '';
  const head = queryParameter ? `${queryParameter}\n` : '';
  // The syntax checks read bytes as latin1, so positions are byte offsets (as ClickHouse reports them) and
  // binary INSERT data cannot break the scan.
  const bytes = head + body.toString('latin1');
  if (bytes.trim() === '') throw new FrontError(62, 'SYNTAX_ERROR', 'Empty query');
  const insert = firstKeyword(bytes) === 'INSERT';
  refuseMultiStatements(bytes, insert);

  const database = request.headers['x-clickhouse-database'] || url.searchParams.get('database') || 'default';
  await session.queryAsync(`USE ${quoteIdentifier(database)}`);
  for (const [name, value] of settings(url, request.method)) {
    await session.queryAsync(`SET ${name} = ${quoteString(value)}`);
  }
  const parameters = Object.fromEntries([...url.searchParams]
    .filter(([name]) => name.startsWith('param_')).map(([name, value]) => [name.slice('param_'.length), value]));

  if (insert) {
    if (Object.keys(parameters).length > 0) {
      throw new FrontError(48, 'NOT_IMPLEMENTED', 'This test front binds query parameters in queries, not in INSERT statements');
    }
    // The statement (query parameter) and its data (body) stay apart, so binary formats arrive intact.
    const written = await native.InsertRawAsyncConnection(session.connection, queryParameter, body, false);
    return { bytes: Buffer.alloc(0),
      summary: { written_rows: String(written.rowsWritten), written_bytes: String(written.bytesWritten) } };
  }
  const sql = head + body.toString('utf8');
  const run = () => native.QueryAsyncConnection(session.connection, sql, format, parameters);
  const raw = Object.keys(parameters).length === 0 ? await run() : await (parameterQueue = parameterQueue.then(run, run));
  return { bytes: Buffer.from(raw.bytes),
    summary: { result_rows: String(raw.rowsRead), result_bytes: String(raw.bytesRead) } };
}

function authenticate(request, url) {
  let givenUser = request.headers['x-clickhouse-user'] ?? url.searchParams.get('user');
  let givenPassword = request.headers['x-clickhouse-key'] ?? url.searchParams.get('password');
  const basic = /^Basic\s+(.+)$/i.exec(request.headers.authorization || '');
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    givenUser = colon < 0 ? decoded : decoded.slice(0, colon);
    givenPassword = colon < 0 ? '' : decoded.slice(colon + 1);
  }
  givenUser = givenUser || 'default';
  if (givenUser !== user || (givenPassword ?? '') !== password) {
    throw new FrontError(516, 'AUTHENTICATION_FAILED',
      `${givenUser}: Authentication failed: password is incorrect, or there is no user with such name`);
  }
}

function refuseUnsupportedTransfer(request, url) {
  const on = (name) => !['', '0', 'false'].includes((url.searchParams.get(name) ?? '').toLowerCase());
  if (on('compress') || on('decompress') || (request.headers['content-encoding'] ?? 'identity') !== 'identity') {
    throw new FrontError(48, 'NOT_IMPLEMENTED',
      'This ClickHouse test front does not compress or decompress; connect with compress=false');
  }
  if (url.searchParams.get('session_id')) {
    throw new FrontError(48, 'NOT_IMPLEMENTED', 'This ClickHouse test front has no HTTP sessions (session_id)');
  }
}

/** Settings from the URL, in order; GET requests are read-only (readonly=2) unless the URL says otherwise. */
function settings(url, method) {
  const chosen = [...url.searchParams].filter(([name]) =>
    !PROTOCOL_PARAMETERS.has(name) && !IGNORED_PARAMETERS.has(name) && !name.startsWith('param_'));
  for (const [name] of chosen) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new FrontError(115, 'UNKNOWN_SETTING', `Unknown setting '${name}'`);
  }
  if (method === 'GET' && !chosen.some(([name]) => name === 'readonly')) chosen.push(['readonly', '2']);
  return chosen;
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * Lexes SQL just far enough to see statement boundaries: quoted strings and identifiers, heredocs, comments,
 * and (in an INSERT) where inline data starts. Yields top-level tokens as {text, start}.
 */
function* tokens(sql, insert) {
  const pattern = /\s+|--[^\n]*|#[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^'\\]|\\[\s\S]|'')*'?|"(?:[^"\\]|\\[\s\S]|"")*"?|`(?:[^`\\]|\\[\s\S]|``)*`?|\$(\w*)\$[\s\S]*?\$\1\$|[A-Za-z_][A-Za-z0-9_]*|[\s\S]/y;
  let previous = '';
  for (let match; (match = pattern.exec(sql)) !== null;) {
    const text = match[0];
    if (/^(\s|--|#|\/\*)/.test(text)) continue;
    yield { text, start: match.index };
    // INSERT ... FORMAT <name>: everything after the format name is data, not SQL.
    if (insert && previous.toUpperCase() === 'FORMAT' && /^[A-Za-z_]/.test(text)) return;
    previous = text;
  }
}

function firstKeyword(sql) {
  return tokens(sql, false).next().value?.text.toUpperCase();
}

function refuseMultiStatements(sql, insert) {
  let end = null;
  for (const token of tokens(sql, insert)) {
    if (end !== null) {
      throw new FrontError(62, 'SYNTAX_ERROR',
        `Syntax error (Multi-statements are not allowed): failed at position ${end + 1} (end of query): ${sql.slice(end, end + 40).trimEnd()}.`);
    }
    if (token.text === ';') end = token.start;
  }
}

function quoteIdentifier(name) {
  return '`' + name.replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`';
}

function quoteString(value) {
  return "'" + value.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
}

function contentType(format) {
  if (/^JSON/.test(format)) return 'application/json; charset=UTF-8';
  if (/^(RowBinary|Native|Parquet|Arrow|ORC|Avro|Protobuf|CapnProto|MsgPack|BSON|Npy)/.test(format)) {
    return 'application/octet-stream';
  }
  return 'text/plain; charset=UTF-8';
}
