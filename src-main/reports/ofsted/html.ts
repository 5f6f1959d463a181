// Runs in: main process and CLI (Node), pure. The pre-Ofsted snapshot as a printable HTML page. Every
// value goes through the escaping template; only our own ECharts SVG is inserted as markup.
import { html, trusted, type Html } from '../escape'
import { ratingSvg, sentimentTrendSvg } from '../charts'
import { dateTime, longDate, netScore, shortDay, signed } from '../format'
import { PRINT_CSS } from '../style'
import type { PreviousSnapshot, SnapshotFigures } from './types'
import { figure, incidents, practice, sla } from './html-handling'

export function snapshotHtml(
  f: SnapshotFigures,
  prev: PreviousSnapshot | null,
  changes: string[],
): string {
  const tz = f.period.timeZone
  const h = f.headline
  const body = html`
    <div class="cover">
      <h1>Online reputation snapshot</h1>
      <p>
        <strong>${f.school.name}</strong
        >${f.school.urn ? html` · URN ${f.school.urn}` : ''}${f.school.town ? html` · ${f.school.town}` : ''}
      </p>
      <p>Period: ${longDate(f.period.from)} to ${longDate(f.period.to)}</p>
      <p class="muted small">
        Prepared by Footprint on ${dateTime(f.generatedAt, tz)} for governors and inspectors.
        Figures count what was said about the school online in the period; staff corrections to the
        automatic reading are included.
      </p>
    </div>
    ${headline(f)} ${since(prev, changes)}
    <h2>Sentiment over the period</h2>
    ${
      h.total === 0
        ? html`<p class="note">
            Nothing was said about the school online in this period in any of the sources Footprint
            watches. The sections below are complete and say so where they are empty.
          </p>`
        : html`<div class="chart">
              ${trusted(sentimentTrendSvg(f.trend.rows.map((r) => ({ label: f.trend.bucket === 'month' ? r.start.slice(0, 7) : shortDay(r.start), negative: r.negative, neutral: r.neutral, positive: r.positive }))))}
            </div>
            <p class="small muted">
              Mentions per ${f.trend.bucket} by sentiment (negative, neutral, positive).
            </p>`
    }
    ${sourcesAndThemes(f)} ${rating(f)} ${wikipedia(f)} ${notable(f)} ${incidents(f)} ${sla(f)}
    ${practice(f)}
  `
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${html`${f.school.name} online reputation snapshot`}</title><style>${PRINT_CSS}</style></head><body>${body}</body></html>`
}

function headline(f: SnapshotFigures): Html {
  const h = f.headline
  const p = h.previous
  const change = h.total - p.total
  const netChange =
    h.net !== null && p.net !== null ? Math.round(h.net * 100) - Math.round(p.net * 100) : null
  return html` <h2>Headline figures</h2>
    <div class="figures">
      ${figure(String(h.total), 'Mentions in the period')}
      ${figure(netScore(h.net), 'Net sentiment (−100 to +100)')}
      ${figure(signed(change), `Change in mentions on the previous period (${p.total})`)}
      ${figure(netChange === null ? '–' : signed(netChange), 'Change in net sentiment')}
    </div>
    <table>
      <tr>
        <th></th>
        <th class="num">Negative</th>
        <th class="num">Neutral</th>
        <th class="num">Positive</th>
        <th class="num">Not yet read</th>
        <th class="num">Total</th>
      </tr>
      <tr>
        <td>This period</td>
        <td class="num">${h.negative}</td>
        <td class="num">${h.neutral}</td>
        <td class="num">${h.positive}</td>
        <td class="num">${h.unanalysed}</td>
        <td class="num">${h.total}</td>
      </tr>
      <tr>
        <td>Previous period (${longDate(p.from)} to ${longDate(p.to)})</td>
        <td class="num">${p.negative}</td>
        <td class="num">${p.neutral}</td>
        <td class="num">${p.positive}</td>
        <td class="num">${p.unanalysed}</td>
        <td class="num">${p.total}</td>
      </tr>
    </table>`
}

function since(prev: PreviousSnapshot | null, changes: string[]): Html {
  if (!prev)
    return html`<p class="note small">
      This is the first snapshot Footprint has made for the school.
    </p>`
  return html`<h2>What changed since the last snapshot</h2>
    <p class="small muted">
      Compared with the snapshot made on ${longDate(prev.createdAt)}
      (${longDate(prev.figures.period.from)} to ${longDate(prev.figures.period.to)}).
    </p>
    <ul>
      ${changes.map((c) => html`<li>${c}</li>`)}
    </ul>`
}

function sourcesAndThemes(f: SnapshotFigures): Html {
  return html`<h2>Sources and themes</h2>
    ${
      f.sources.length
        ? html`<table>
            <tr>
              <th>Where it was said</th>
              <th class="num">Mentions</th>
            </tr>
            ${f.sources.map(
              (s) =>
                html`<tr>
                  <td>${s.name}</td>
                  <td class="num">${s.total}</td>
                </tr>`,
            )}
          </table>`
        : html`<p>No source found anything about the school in this period.</p>`
    }
    <h3>Themes</h3>
    ${
      f.themes.length
        ? html`<table>
            <tr>
              <th>Theme</th>
              <th class="num">Mentions</th>
              <th class="num">Negative</th>
              <th class="num">Positive</th>
            </tr>
            ${f.themes.map(
              (t) =>
                html`<tr>
                  <td>${t.label}</td>
                  <td class="num">${t.total}</td>
                  <td class="num">${t.negative}</td>
                  <td class="num">${t.positive}</td>
                </tr>`,
            )}
          </table>`
        : html`<p>No recurring themes in this period.</p>`
    }`
}

function rating(f: SnapshotFigures): Html {
  if (!f.rating.length)
    return html`<h2>Google rating</h2>
      <p>
        No Google rating was recorded in this period (since February 2025 Google shows no reviews
        for most UK school listings; nurseries and clubs keep them).
      </p>`
  const last = f.rating.at(-1)!
  return html`<h2>Google rating</h2>
    <p>
      Latest: <strong>${last.rating.toFixed(1)}</strong> out of
      5${last.reviewCount !== null ? html` from ${last.reviewCount} reviews` : ''}
      (${longDate(last.observedAt)}).
    </p>
    <div class="chart">
      ${trusted(ratingSvg(f.rating.map((r) => ({ label: shortDay(r.observedAt.slice(0, 10)), rating: r.rating }))))}
    </div>`
}

function wikipedia(f: SnapshotFigures): Html {
  const w = f.wikipedia
  if (!w)
    return html`<h2>Wikipedia</h2>
      <p>Footprint is not watching a Wikipedia article for the school.</p>`
  return html`<h2>Wikipedia</h2>
    <table>
      <tr>
        <th>Page watched</th>
        <th>Status</th>
      </tr>
      ${w.pages.map(
        (p) =>
          html`<tr>
            <td>${p.title}</td>
            <td>${p.status}</td>
          </tr>`,
      )}
    </table>
    <h3>Recent edits</h3>
    ${
      w.edits.length
        ? html`<table>
            <tr>
              <th>When</th>
              <th>Page</th>
              <th>Editor</th>
              <th class="num">Size</th>
              <th>Edit summary</th>
            </tr>
            ${w.edits.map(
              (e) =>
                html`<tr>
                  <td>${dateTime(e.at)}</td>
                  <td>${e.page}</td>
                  <td>${e.editor}</td>
                  <td class="num">${e.sizeDelta === null ? '' : signed(e.sizeDelta)}</td>
                  <td>${e.summary}${e.reverted ? ' (since reverted)' : ''}</td>
                </tr>`,
            )}
          </table>`
        : html`<p>No edits in this period.</p>`
    }`
}

function notable(f: SnapshotFigures): Html {
  return html`<h2>Notable items</h2>
    <p class="small muted">
      Quoted with names of staff and any personal details removed. Authors are not named.
    </p>
    ${
      f.notable.length
        ? f.notable.map(
            (n) =>
              html`<div class="note">
                <div class="small muted">
                  ${dateTime(n.at)} · ${n.source} ·
                  ${n.sentiment}${n.flags.length ? html` · ${n.flags.join(', ')}` : ''}
                </div>
                <div class="quote">${n.text}</div>
              </div>`,
          )
        : html`<p>No notable items in this period.</p>`
    }
    ${
      f.safeguardingCount
        ? html`<p class="note">
            ${f.safeguardingCount} item${f.safeguardingCount === 1 ? ' was' : 's were'} passed to
            the designated safeguarding lead. Safeguarding details are never included in this
            report.
          </p>`
        : ''
    }`
}
