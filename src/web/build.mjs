// Builds the page into the repository's public/ folder:
//   static/index.html, static/app.css  -> public/ (copied as they are)
//   src/main.js and what it imports    -> public/app.js (one minified bundle)
//
//   node build.mjs           write public/
//   node build.mjs --check   build in memory and fail when public/ differs
//                            (the committed bundle is stale against its sources)
//
// esbuild's output is deterministic for pinned versions (package-lock.json),
// so a clean `npm ci && node build.mjs` reproduces the committed files byte
// for byte.

import * as esbuild from 'esbuild';
import { readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const publicDir = path.resolve(here, '../../public');
const staticDir = path.join(here, 'static');
const check = process.argv.includes('--check');

// style-mod (CodeMirror's style injection) puts its rules in a <style>
// element when mounted on a document, and uses a constructed stylesheet
// (adoptedStyleSheets) only inside shadow roots. A <style> element with
// text is inline style, which the page's Content-Security-Policy
// (style-src 'self') refuses, leaving the editor unstyled. Constructed
// stylesheets are not subject to style-src, so the build makes style-mod
// use them for documents too. The build fails if the source no longer has
// the expected line, so an upgrade of style-mod is looked at again.
const STYLE_MOD_FROM = 'if (!root.head && root.adoptedStyleSheets && win.CSSStyleSheet) {';
const STYLE_MOD_TO = 'if (root.adoptedStyleSheets && win.CSSStyleSheet) {';

const adoptedStylesPlugin = {
  name: 'style-mod-adopted-sheets',
  setup(build) {
    build.onLoad({ filter: /[\\/]style-mod[\\/]src[\\/]style-mod\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(STYLE_MOD_FROM)) {
        throw new Error(`style-mod changed: cannot find "${STYLE_MOD_FROM}" in ${args.path}`);
      }
      return { contents: source.replace(STYLE_MOD_FROM, STYLE_MOD_TO), loader: 'js' };
    });
  },
};

async function bundle() {
  const result = await esbuild.build({
    entryPoints: [path.join(here, 'src/main.js')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020', 'chrome100', 'firefox100', 'safari16'],
    legalComments: 'eof',
    charset: 'utf8',
    outfile: path.join(publicDir, 'app.js'),
    write: false,
    logLevel: 'warning',
    plugins: [adoptedStylesPlugin],
  });
  return result.outputFiles.map((f) => ({ path: f.path, contents: Buffer.from(f.contents) }));
}

async function staticFiles() {
  const names = (await readdir(staticDir)).sort();
  return Promise.all(names.map(async (name) => ({
    path: path.join(publicDir, name),
    contents: await readFile(path.join(staticDir, name)),
  })));
}

const outputs = [...(await staticFiles()), ...(await bundle())];

if (check) {
  const stale = [];
  for (const out of outputs) {
    let committed = null;
    try {
      committed = await readFile(out.path);
    } catch {
      // missing
    }
    if (committed === null || !committed.equals(out.contents)) stale.push(path.relative(process.cwd(), out.path));
  }
  if (stale.length) {
    console.error(`public/ is stale against src/web (run \`make web\` and commit):\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`public/ matches its sources (${outputs.length} files)`);
} else {
  await mkdir(publicDir, { recursive: true });
  for (const out of outputs) await writeFile(out.path, out.contents);
  console.log(`wrote ${outputs.map((o) => path.relative(process.cwd(), o.path)).join(', ')}`);
}
