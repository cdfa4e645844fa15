/// The HTML report's style sheet, inline so the file stands alone, with a print layout.
enum HTMLStyle {
  static let css = """
    :root { color-scheme: light; --fail: #b42318; --warn: #b54708; --pass: #067647;
      --info: #175cd3; --unknown: #6941c6; --muted: #667085; --line: #d0d5dd; }
    * { box-sizing: border-box; }
    body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      color: #101828; margin: 0 auto; max-width: 70rem; padding: 1.5rem; }
    h1 { font-size: 1.6rem; margin: 0 0 .75rem; }
    h2 { font-size: 1.3rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem;
      margin-top: 2rem; }
    h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
    code { font: .85em ui-monospace, SFMono-Regular, Menlo, monospace; background: #f2f4f7;
      padding: 0 .25em; border-radius: 3px; overflow-wrap: anywhere; }
    dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
      margin: 0; }
    dl.meta dt { color: var(--muted); }
    dl.meta dd { margin: 0; overflow-wrap: anywhere; }
    ul.cards { display: flex; flex-wrap: wrap; gap: .75rem; list-style: none; padding: 0; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1rem;
      min-width: 9rem; }
    .card .count { display: block; font-size: 1.6rem; font-weight: 600; }
    .card.pass .count { color: var(--pass); } .card.fail .count { color: var(--fail); }
    .card.unknown .count { color: var(--unknown); }
    .badge { display: inline-block; border-radius: 999px; padding: 0 .6em; font-size: .8rem;
      font-weight: 600; color: #fff; background: var(--muted); white-space: nowrap; }
    .badge.fail, .badge.non_compliant { background: var(--fail); }
    .badge.warn { background: var(--warn); } .badge.info { background: var(--info); }
    .badge.pass, .badge.compliant { background: var(--pass); }
    .badge.unknown, .badge.inconclusive { background: var(--unknown); }
    .badge.waived { background: var(--muted); }
    section.account { border-top: 3px solid var(--line); margin-top: 2rem; }
    .finding { border: 1px solid var(--line); border-left: 5px solid var(--muted);
      border-radius: 6px; padding: .5rem .9rem; margin: .6rem 0; break-inside: avoid; }
    .finding.fail { border-left-color: var(--fail); }
    .finding.warn { border-left-color: var(--warn); }
    .finding.info { border-left-color: var(--info); }
    .finding.unknown { border-left-color: var(--unknown); }
    .finding h4 { margin: 0 0 .25rem; font-size: 1rem; }
    .finding dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem;
      margin: 0; }
    .finding dt { color: var(--muted); } .finding dd { margin: 0; overflow-wrap: anywhere; }
    ol.steps, ul.rows { padding-left: 1.2rem; }
    ul.rows { list-style: none; padding-left: .25rem; }
    ul.rows li { margin: .15rem 0; }
    .mark { display: inline-block; width: 1.3em; font-weight: 700; }
    .mark.pass { color: var(--pass); } .mark.fail { color: var(--fail); }
    .mark.warn { color: var(--warn); } .mark.unknown { color: var(--unknown); }
    .mark.info { color: var(--info); } .mark.waived { color: var(--muted); }
    .note { color: var(--muted); margin-left: 1.5em; }
    table { border-collapse: collapse; width: 100%; font-size: .9rem; }
    th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
      vertical-align: top; overflow-wrap: anywhere; }
    th { background: #f9fafb; }
    footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
    @media print {
      body { max-width: none; padding: 0; font-size: 11pt; }
      section.account { break-before: page; }
      .badge { color: #000; background: none !important; border: 1px solid #000; }
      a { color: inherit; }
    }
    """
}
