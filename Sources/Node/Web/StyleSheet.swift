/// The page's styles: system fonts, one accent colour, light and dark.
enum StyleSheet {
    static let css = """
        :root {
          --bg: #f7f6fb;
          --surface: #ffffff;
          --text: #1d1b26;
          --muted: #5f5b70;
          --faint: #8a859c;
          --border: #e4e0ee;
          --accent: #6d28d9;
          --accent-strong: #5b21b6;
          --accent-soft: #f1ebfd;
          --ok: #15803d;
          --ok-soft: #e8f6ec;
          --bad: #b42318;
          --bad-soft: #fdecea;
          --code-bg: #f3f1f8;
          --radius: 10px;
          --shadow: 0 1px 2px rgba(30, 20, 60, .06), 0 2px 8px rgba(30, 20, 60, .04);
          color-scheme: light dark;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #14121b;
            --surface: #1d1a27;
            --text: #ebe8f4;
            --muted: #b2acc6;
            --faint: #8d87a3;
            --border: #332e43;
            --accent: #a78bfa;
            --accent-strong: #c4b5fd;
            --accent-soft: #2a2340;
            --ok: #4ade80;
            --ok-soft: #16281d;
            --bad: #f87171;
            --bad-soft: #2f1a1c;
            --code-bg: #252132;
            --shadow: none;
          }
        }
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0;
          background: var(--bg);
          color: var(--text);
          font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
        }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible {
          outline: 3px solid color-mix(in srgb, var(--accent) 45%, transparent);
          outline-offset: 2px;
        }
        code, pre, textarea, .mono {
          font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
          font-size: .88em;
        }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .4rem; letter-spacing: -.01em; }
        h2 { font-size: 1.15rem; margin: 0; }
        .visually-hidden {
          position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
        }

        /* Site bar and footer */
        .site-bar { background: var(--surface); border-bottom: 1px solid var(--border); }
        .site-bar-inner {
          max-width: 1160px; margin: 0 auto; padding: .7rem 1.5rem;
          display: flex; align-items: center; justify-content: space-between; gap: 1rem;
        }
        .brand { display: flex; align-items: center; gap: .55rem; color: var(--text); font-weight: 700; font-size: 1.15rem; }
        .brand:hover { text-decoration: none; }
        .site-nav { display: flex; gap: .25rem; }
        .site-nav a { color: var(--muted); padding: .35rem .75rem; border-radius: 999px; font-weight: 500; }
        .site-nav a:hover { background: var(--accent-soft); color: var(--accent-strong); text-decoration: none; }
        .site-nav a[aria-current="page"] { background: var(--accent-soft); color: var(--accent-strong); }
        .page { max-width: 1160px; margin: 0 auto; padding: 1.75rem 1.5rem 3rem; }
        .site-footer { max-width: 1160px; margin: 0 auto; padding: 0 1.5rem 2rem; color: var(--faint); font-size: .85rem; }

        /* Search form */
        .search-form { display: flex; gap: .6rem; margin-bottom: 1.5rem; }
        .search-form input[type="search"] {
          flex: 1; min-width: 0; font: inherit; font-size: 1.05rem; color: var(--text);
          padding: .7rem 1rem; border: 1px solid var(--border); border-radius: var(--radius);
          background: var(--surface); box-shadow: var(--shadow);
        }
        .search-form input[type="search"]:focus { border-color: var(--accent); outline: none; }
        button, .button {
          font: inherit; font-weight: 600; color: #fff; background: var(--accent); border: 0;
          padding: .65rem 1.3rem; border-radius: var(--radius); cursor: pointer;
        }
        button:hover, .button:hover { background: var(--accent-strong); text-decoration: none; }
        @media (prefers-color-scheme: dark) { button, .button { color: #14121b; } }

        /* Search layout: facets beside results */
        .search-layout { display: grid; grid-template-columns: 250px minmax(0, 1fr); gap: 2rem; align-items: start; }
        @media (max-width: 820px) { .search-layout { grid-template-columns: 1fr; } .facets { order: 2; } }
        .result-summary { color: var(--muted); margin: 0 0 1rem; }
        .result-summary strong { color: var(--text); }
        .chosen-filters { display: flex; flex-wrap: wrap; gap: .4rem; margin: -.4rem 0 1rem; padding: 0; list-style: none; }
        .chosen-filters a {
          display: inline-flex; align-items: center; gap: .35rem; padding: .2rem .4rem .2rem .7rem; border-radius: 999px;
          background: var(--accent-soft); color: var(--accent-strong); font-size: .85rem;
        }
        .chosen-filters a span.x { font-size: 1rem; line-height: 1; padding: 0 .25rem; }
        .chosen-filters .facet-name { color: var(--muted); }

        /* Facets */
        .facets { position: sticky; top: 1rem; }
        .facet { margin-bottom: 1.4rem; }
        .facet h2 {
          font-size: .75rem; text-transform: uppercase; letter-spacing: .08em; color: var(--faint); margin: 0 0 .45rem;
        }
        .facet ul { list-style: none; margin: 0; padding: 0; }
        .facet li a {
          display: flex; justify-content: space-between; gap: .75rem; padding: .22rem .5rem; margin: 0 -.5rem;
          border-radius: 6px; color: var(--text); font-size: .92rem;
        }
        .facet li a:hover { background: var(--accent-soft); text-decoration: none; }
        .facet li a .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .facet .count { color: var(--faint); font-variant-numeric: tabular-nums; font-size: .85rem; }
        .facet li.chosen a { background: var(--accent-soft); color: var(--accent-strong); font-weight: 600; }
        .facet .empty { color: var(--faint); font-size: .9rem; margin: 0; }

        /* Result cards */
        .results { list-style: none; margin: 0; padding: 0; }
        .card {
          background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius);
          padding: 1rem 1.25rem 1.05rem; margin-bottom: .9rem; box-shadow: var(--shadow);
        }
        .card h2 a { color: var(--text); }
        .card h2 a:hover { color: var(--accent); }
        .meta { display: flex; flex-wrap: wrap; gap: .15rem .9rem; margin: .3rem 0 0; color: var(--muted); font-size: .9rem; }
        .meta .format a { color: inherit; }
        .meta .format a:hover { color: var(--accent); }
        .description { margin: .55rem 0 0; color: var(--text); }
        .tags { display: flex; flex-wrap: wrap; gap: .35rem; list-style: none; margin: .7rem 0 0; padding: 0; }
        .tags a {
          display: inline-block; padding: .1rem .6rem; border-radius: 999px; font-size: .8rem;
          background: var(--accent-soft); color: var(--accent-strong);
        }
        .locations { list-style: none; margin: .75rem 0 0; padding: .6rem 0 0; border-top: 1px dashed var(--border); font-size: .88rem; }
        .locations li { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem .6rem; padding: .12rem 0; }
        .locations .url { overflow-wrap: anywhere; font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, monospace; font-size: .85em; }
        .validity { font-size: .78rem; padding: 0 .45rem; border-radius: 999px; background: var(--ok-soft); color: var(--ok); white-space: nowrap; }
        .expired .url { color: var(--faint); text-decoration: line-through; }
        .expired .validity { background: var(--bad-soft); color: var(--bad); }
        .publisher { margin: .6rem 0 0; color: var(--muted); font-size: .88rem; }
        .no-results {
          background: var(--surface); border: 1px dashed var(--border); border-radius: var(--radius);
          padding: 2rem; text-align: center; color: var(--muted);
        }

        /* Paging */
        .pager { display: flex; flex-wrap: wrap; justify-content: center; align-items: center; gap: .3rem; margin: 1.5rem 0 0; padding: 0; list-style: none; }
        .pager a, .pager span {
          display: inline-block; min-width: 2.2rem; text-align: center; padding: .3rem .6rem; border-radius: 8px; font-variant-numeric: tabular-nums;
        }
        .pager a { border: 1px solid var(--border); background: var(--surface); }
        .pager a:hover { border-color: var(--accent); text-decoration: none; }
        .pager [aria-current="page"] { background: var(--accent); color: #fff; border: 1px solid var(--accent); }
        .pager .gap { color: var(--faint); }

        /* Resource page */
        .resource-head { margin-bottom: 1.25rem; }
        .resource-head .iri-line { color: var(--muted); overflow-wrap: anywhere; margin: 0; }
        .section-title { font-size: 1rem; margin: 2rem 0 .7rem; }
        .graphs { color: var(--muted); font-size: .9rem; }
        .statements { width: 100%; border-collapse: collapse; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); overflow: hidden; }
        .statements th, .statements td { text-align: left; vertical-align: top; padding: .5rem .8rem; border-bottom: 1px solid var(--border); }
        .statements tr:last-child > td { border-bottom: 0; }
        .statements th { font-size: .78rem; text-transform: uppercase; letter-spacing: .06em; color: var(--faint); font-weight: 600; background: var(--code-bg); }
        .statements td.predicate { width: 14rem; white-space: nowrap; color: var(--muted); }
        .statements td { overflow-wrap: break-word; }
        .statements .nested { width: 100%; margin: 0; border: 1px solid var(--border); background: var(--bg); }
        .statements .nested td { padding: .3rem .6rem; font-size: .92rem; }
        .statements .nested td.predicate { width: 9rem; }
        .statements .graph { color: var(--faint); font-size: .8rem; }
        .statements .value + .value { margin-top: .35rem; }
        .card > .meta:first-child { margin-top: 0; }
        .annotation { color: var(--faint); font-size: .8rem; margin-left: .3rem; }
        .bnode { color: var(--faint); font-style: italic; }
        .literal { white-space: pre-wrap; }
        .references { columns: 2 22rem; padding-left: 1.2rem; }
        .references li { break-inside: avoid; margin-bottom: .2rem; }
        .references .via { color: var(--faint); font-size: .85rem; }

        /* SPARQL editor */
        .editor textarea {
          width: 100%; min-height: 8rem; resize: vertical; padding: .8rem 1rem; line-height: 1.5;
          border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); color: var(--text);
          box-shadow: var(--shadow); tab-size: 2;
        }
        .editor textarea:focus { border-color: var(--accent); outline: none; }
        .editor-actions { display: flex; flex-wrap: wrap; align-items: center; gap: .8rem; margin: .7rem 0 0; }
        .editor-actions .hint { color: var(--faint); font-size: .85rem; }
        .examples { display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; padding: 0; margin: 0 0 1rem; font-size: .88rem; }
        .examples a { display: inline-block; padding: .15rem .7rem; border: 1px solid var(--border); border-radius: 999px; background: var(--surface); }
        .query-status { color: var(--muted); margin: 1.5rem 0 .6rem; }
        .table-wrap { overflow-x: auto; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); }
        .solutions { border-collapse: collapse; width: 100%; font-size: .92rem; }
        .solutions th, .solutions td { text-align: left; vertical-align: top; padding: .45rem .8rem; border-bottom: 1px solid var(--border); }
        .solutions th { position: sticky; top: 0; background: var(--code-bg); font-weight: 600; white-space: nowrap; }
        .solutions td { overflow-wrap: break-word; min-width: 6rem; }
        .solutions td .iri, .statements td .iri { overflow-wrap: anywhere; }
        .solutions tr:last-child td { border-bottom: 0; }
        .solutions tbody tr:nth-child(even) { background: color-mix(in srgb, var(--code-bg) 45%, transparent); }
        .solutions .row-number { color: var(--faint); width: 1%; min-width: 0; text-align: right; font-variant-numeric: tabular-nums; }
        .solutions .unbound { color: var(--faint); }
        .boolean { font-size: 2rem; font-weight: 700; margin: .5rem 0; }
        .error {
          background: var(--bad-soft); border: 1px solid color-mix(in srgb, var(--bad) 35%, transparent);
          border-radius: var(--radius); padding: .9rem 1.1rem; margin: 1.5rem 0 0;
        }
        .error h2 { color: var(--bad); font-size: 1rem; margin: 0 0 .3rem; }
        .error p { margin: 0; }
        .error pre { margin: .6rem 0 0; padding: .6rem .8rem; background: var(--surface); border-radius: 8px; overflow-x: auto; line-height: 1.45; }
        .error pre .caret { color: var(--bad); font-weight: 700; }
        .notice { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 1.5rem 1.75rem; }
        .truncated { color: var(--muted); font-size: .9rem; margin: .6rem 0 0; }
        """
}
