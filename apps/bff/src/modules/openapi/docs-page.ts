/**
 * The interactive API reference at `/api/docs`: a small self-contained page (no UI package: the maintained ones
 * need Node 22) that reads `/api/docs/openapi.json`, lists every operation with its parameters, body and error
 * codes, and can call it with a bearer token. Its script is served from the same origin: the page's policy allows
 * only that script, its inline styles and calls back to this API.
 */
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portal BFF API</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:0;display:flex;min-height:100vh;color:#1b1b1b}
nav{width:290px;border-right:1px solid #ddd;padding:12px;overflow:auto;background:#fafafa}
nav h3{margin:14px 0 4px;font-size:12px;text-transform:uppercase;color:#777}
nav a{display:block;padding:3px 4px;color:inherit;text-decoration:none;border-radius:3px}
nav a:hover{background:#eee}
main{flex:1;padding:16px 24px;overflow:auto}
.m{display:inline-block;width:42px;font:600 11px monospace;text-transform:uppercase}
.get{color:#0a7d3b}.post{color:#b35c00}
section{border:1px solid #ddd;border-radius:6px;padding:12px 16px;margin:0 0 16px}
pre{background:#f4f4f4;padding:8px;overflow:auto;max-height:320px;font-size:12px}
input,textarea{font:12px monospace;width:100%;box-sizing:border-box;margin:2px 0 6px}
textarea{height:120px}
table{border-collapse:collapse}td,th{border-bottom:1px solid #eee;padding:3px 8px;text-align:left;vertical-align:top}
button{padding:4px 12px}
</style>
</head>
<body>
<nav id="nav"><strong>Portal BFF API</strong><div>Bearer token:</div><input id="token" placeholder="access token"></nav>
<main id="main">Loading…</main>
<script src="/api/docs/docs.js"></script>
</body>
</html>
`;

export const DOCS_SCRIPT = `'use strict';
(async function () {
  const spec = await (await fetch('/api/docs/openapi.json')).json();
  const nav = document.getElementById('nav');
  const main = document.getElementById('main');
  main.textContent = '';
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    Object.assign(node, attrs || {});
    for (const child of children) node.append(child);
    return node;
  };
  const resolve = (schema) => {
    if (schema && schema.$ref) return spec.components.schemas[schema.$ref.split('/').pop()];
    return schema;
  };
  const byTag = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) (byTag[op.tags[0]] ||= []).push({ path, method, op });
  }
  for (const [tag, ops] of Object.entries(byTag)) {
    nav.append(el('h3', { textContent: tag }));
    for (const { path, method, op } of ops) {
      const id = op.operationId;
      nav.append(el('a', { href: '#' + id }, el('span', { className: 'm ' + method, textContent: method }), path));
      const section = el('section', { id });
      section.append(el('h2', {}, el('span', { className: 'm ' + method, textContent: method }), path));
      section.append(el('p', { textContent: op.summary + (op.security && op.security.length ? ' (bearer token)' : ' (public)') }));
      const inputs = {};
      if (op.parameters) {
        const table = el('table', {}, el('tr', {}, el('th', { textContent: 'parameter' }), el('th', { textContent: 'in' }), el('th', { textContent: 'schema' }), el('th', { textContent: 'value' })));
        for (const p of op.parameters) {
          const input = el('input', { placeholder: p.required ? 'required' : 'optional' });
          inputs[p.in + ':' + p.name] = input;
          table.append(el('tr', {}, el('td', { textContent: p.name + (p.description ? ' — ' + p.description : '') }), el('td', { textContent: p.in }), el('td', {}, el('code', { textContent: JSON.stringify(p.schema) })), el('td', {}, input)));
        }
        section.append(table);
      }
      let body;
      if (op.requestBody) {
        const schema = op.requestBody.content['application/json'].schema;
        section.append(el('div', { textContent: 'Body: ' + (schema.$ref || '').split('/').pop() }));
        section.append(el('details', {}, el('summary', { textContent: 'schema' }), el('pre', { textContent: JSON.stringify(resolve(schema), null, 2) })));
        body = el('textarea', { placeholder: '{ }' });
        section.append(body);
      }
      const responses = el('table');
      for (const [status, response] of Object.entries(op.responses)) responses.append(el('tr', {}, el('td', { textContent: status }), el('td', { textContent: response.description })));
      section.append(el('details', {}, el('summary', { textContent: 'responses and error codes' }), responses));
      const output = el('pre', { textContent: '' });
      const send = el('button', { textContent: 'Send', type: 'button' });
      send.addEventListener('click', async () => {
        let url = path;
        const query = new URLSearchParams();
        const headers = {};
        for (const [key, input] of Object.entries(inputs)) {
          const [where, name] = key.split(':');
          if (!input.value) continue;
          if (where === 'path') url = url.replace('{' + name + '}', encodeURIComponent(input.value));
          else if (where === 'query') query.set(name, input.value);
          else headers[name] = input.value;
        }
        const token = document.getElementById('token').value.trim();
        if (token) headers.authorization = 'Bearer ' + token;
        if (body) headers['content-type'] = 'application/json';
        const started = performance.now();
        const response = await fetch(url + (query.size ? '?' + query : ''), { method: method.toUpperCase(), headers, body: body ? body.value : undefined });
        const text = await response.text();
        let shown = text;
        try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch {}
        output.textContent = response.status + ' ' + response.statusText + ' (' + Math.round(performance.now() - started) + ' ms)\\n\\n' + shown;
        if (op.operationId === 'login' && response.ok) document.getElementById('token').value = JSON.parse(text).accessToken;
      });
      section.append(send, output);
      main.append(section);
    }
  }
  const schemas = el('section', { id: 'schemas' }, el('h2', { textContent: 'Schemas' }));
  for (const [name, schema] of Object.entries(spec.components.schemas)) schemas.append(el('details', {}, el('summary', { textContent: name }), el('pre', { textContent: JSON.stringify(schema, null, 2) })));
  main.append(schemas);
})();
`;
