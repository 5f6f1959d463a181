// Runs in: main process and CLI (Node), pure. The snapshot's sections about what the school did:
// incidents and their handling, response times against the SLA, and how it manages its reputation.
import { html, type Html } from '../escape'
import { dateTime, longDate, percent } from '../format'
import type { SnapshotFigures } from './types'

export function figure(value: string, label: string): Html {
  return html`<div class="figure">
    <div class="value">${value}</div>
    <div class="label">${label}</div>
  </div>`
}

export function incidents(f: SnapshotFigures): Html {
  return html`<h2>Incidents and how each was handled</h2>
    ${
      f.incidents.length
        ? f.incidents.map(
            (i) =>
              html`<h3>${i.title}</h3>
                <p class="small">
                  Opened ${longDate(i.openedAt)} ·
                  ${i.status === 'closed' && i.closedAt ? `closed ${longDate(i.closedAt)}` : 'still open'}
                  · ${i.mentionCount} item${i.mentionCount === 1 ? '' : 's'}
                </p>
                ${
                  i.timeline.length
                    ? html`<table>
                        <tr>
                          <th>When</th>
                          <th>What the school did</th>
                          <th>Reference</th>
                        </tr>
                        ${i.timeline.map(
                          (e) =>
                            html`<tr>
                              <td>${dateTime(e.at)}</td>
                              <td>${e.action}</td>
                              <td>${e.reference}</td>
                            </tr>`,
                        )}
                      </table>`
                    : html`<p class="small muted">No actions recorded yet.</p>`
                }`,
          )
        : html`<p>No incidents were open in this period.</p>`
    }`
}

export function sla(f: SnapshotFigures): Html {
  const s = f.sla
  return html`<h2>Response times against the school's standards</h2>
    <div class="figures">
      ${figure(percent(s.pctWithin), 'First responses within the SLA')}
      ${figure(String(s.responded), 'Items responded to')}
      ${figure(s.medianHours === null ? '–' : `${s.medianHours} h`, 'Median time to first response')}
    </div>
    ${
      s.rules.length
        ? html`<table>
            <tr>
              <th>Standard</th>
              <th class="num">Items</th>
              <th class="num">In time</th>
              <th class="num">Late</th>
              <th class="num">Overdue</th>
              <th class="num">Not yet due</th>
            </tr>
            ${s.rules.map(
              (r) =>
                html`<tr>
                  <td>${r.label}</td>
                  <td class="num">${r.items}</td>
                  <td class="num">${r.within}</td>
                  <td class="num">${r.late}</td>
                  <td class="num">${r.overdue}</td>
                  <td class="num">${r.waiting}</td>
                </tr>`,
            )}
          </table>`
        : html`<p>Nothing needed a response in this period.</p>`
    }
    ${
      s.late.length
        ? html`<h3>Responses after the due time</h3>
            <table>
              <tr>
                <th>Received</th>
                <th>Standard</th>
                <th>Due</th>
                <th>First response</th>
              </tr>
              ${s.late.map(
                (l) =>
                  html`<tr>
                    <td>${dateTime(l.at)}</td>
                    <td>${l.rule}</td>
                    <td>${dateTime(l.dueAt)}</td>
                    <td>${l.respondedAt ? dateTime(l.respondedAt) : 'none yet'}</td>
                  </tr>`,
              )}
            </table>`
        : ''
    }`
}

export function practice(f: SnapshotFigures): Html {
  const p = f.practice
  return html`<h2>How the school manages its online reputation</h2>
    <p>
      The school follows its social media policy: it watches what is said about it online, responds
      to criticism and praise fairly and responsibly, keeps evidence of abuse and escalates when
      needed.
    </p>
    <h3>What is watched</h3>
    ${
      p.sources.length
        ? html`<table>
            <tr>
              <th>Source</th>
              <th>Kind</th>
              <th>Checked</th>
            </tr>
            ${p.sources.map(
              (s) =>
                html`<tr>
                  <td>${s.name}</td>
                  <td>${s.kind}</td>
                  <td>${s.enabled ? everyText(s.everyMinutes) : 'paused'}</td>
                </tr>`,
            )}
          </table>`
        : html`<p>No sources are set up yet.</p>`
    }
    <h3>Replies</h3>
    <p>${p.approval}</p>
    <h3>Response standards</h3>
    <ul>
      ${p.slaRules.map((r) => html`<li><strong>${r.label}</strong>: ${r.rule}.</li>`)}
    </ul>
    <p class="small">
      Working hours:
      ${p.workingHours}${p.closures ? `; ${p.closures} closure period${p.closures === 1 ? '' : 's'} recorded` : ''}.
    </p>
    ${p.complaintsUrl ? html`<p class="small">Complaints procedure: ${p.complaintsUrl}</p>` : ''}`
}

function everyText(min: number): string {
  if (min % 1440 === 0) return min === 1440 ? 'daily' : `every ${min / 1440} days`
  if (min % 60 === 0) return min === 60 ? 'hourly' : `every ${min / 60} hours`
  return `every ${min} minutes`
}
