// Runs in: main process and CLI (Node), pure. The POSH summary: every field the helpline asks for
// (PRODUCT.md, "Responding"), in the order they read it. All text is escaped.
import { INCIDENT_EVENT_LABELS, type IncidentEvent } from '../../contract'
import { html, type Html } from '../escape'
import { dateTime } from '../format'
import { PRINT_CSS } from '../style'
import { categoryOf, platformOf, type PoshCase } from './collect'

const INTERNAL = new Set<IncidentEvent['kind']>([
  'dsl_informed',
  'lado_informed',
  'police_informed',
  'complaints_procedure',
  'parent_meeting_invited',
  'note',
])

export function poshSummaryHtml(c: PoshCase): string {
  const { school, incident: i } = c
  const reports = i.events.filter((e) => e.kind === 'reported_to_platform')
  const responses = i.events.filter((e) => e.kind === 'platform_response')
  const internal = i.events.filter((e) => INTERNAL.has(e.kind))
  const platforms = [...new Set(c.mentions.map(platformOf))]
  const body = html`
    <div class="cover">
      <h1>Escalation to the Professionals Online Safety Helpline</h1>
      <p><strong>${school.name}</strong>${school.urn ? html` · URN ${school.urn}` : ''}</p>
      <p class="small muted">Prepared ${dateTime(c.generatedAt)} · Incident ${i.id}: ${i.title}</p>
    </div>
    <h2>Who is reporting</h2>
    <table class="kv">
      <tr>
        <th>School</th>
        <td>
          ${school.name}${school.town ? `, ${school.town}` : ''}${school.localAuthority ? ` (${school.localAuthority})` : ''}
        </td>
      </tr>
      <tr>
        <th>URN</th>
        <td>${school.urn || 'not recorded'}</td>
      </tr>
      <tr>
        <th>Reporter and role</th>
        <td>${c.reporter.name}, ${c.reporter.role}</td>
      </tr>
      <tr>
        <th>School contact</th>
        <td>${[school.phone, school.email].filter(Boolean).join(' · ') || 'not recorded'}</td>
      </tr>
    </table>
    <h2>The concern</h2>
    <table class="kv">
      <tr>
        <th>Platform(s)</th>
        <td>${platforms.join(', ') || 'not recorded'}</td>
      </tr>
      <tr>
        <th>Category</th>
        <td>${categoryOf(c.mentions).join(', ') || 'not classified'}</td>
      </tr>
      <tr>
        <th>Safeguarding concern</th>
        <td>
          <strong>${i.safeguarding ? 'Yes' : 'No'}</strong>${
            i.safeguarding ? ': a child may be at risk (the school’s DSL is involved)' : ''
          }
        </td>
      </tr>
      <tr>
        <th>Summary</th>
        <td>${i.summary || i.title}</td>
      </tr>
    </table>
    <h2>What was posted</h2>
    ${
      c.mentions.length
        ? c.mentions.map((m) => {
            const ev = c.evidence.filter((e) => e.mentionId === m.id)
            return html`<h3>Item ${m.id}${m.title ? html`: ${m.title}` : ''}</h3>
              <table class="kv">
                <tr>
                  <th>Post URL</th>
                  <td>${m.url ?? 'not recorded'}</td>
                </tr>
                <tr>
                  <th>Profile URL</th>
                  <td>
                    ${typeof m.meta.authorUrl === 'string' ? m.meta.authorUrl : 'not recorded'}
                  </td>
                </tr>
                <tr>
                  <th>Account or handle</th>
                  <td>${m.author ?? 'not shown'}</td>
                </tr>
                <tr>
                  <th>Posted</th>
                  <td>${m.publishedAt ? dateTime(m.publishedAt) : 'not shown on the page'}</td>
                </tr>
                <tr>
                  <th>First seen by the school</th>
                  <td>${dateTime(m.firstSeenAt)}</td>
                </tr>
                <tr>
                  <th>Platform</th>
                  <td>${platformOf(m)}</td>
                </tr>
              </table>
              <p class="small muted">Verbatim text as seen:</p>
              <div class="quote">${m.text}</div>
              ${
                ev.length
                  ? html`<table>
                      <tr>
                        <th>Evidence file</th>
                        <th>Captured (UTC)</th>
                      </tr>
                      ${ev.flatMap((e) =>
                        e.files.map(
                          (f) =>
                            html`<tr>
                              <td>
                                ${f.path}
                                <div class="hash">SHA-256 ${f.sha256}</div>
                              </td>
                              <td>${e.capture.capturedAtUtc}</td>
                            </tr>`,
                        ),
                      )}
                    </table>`
                  : html`<p class="note small">
                      No screenshot or page capture was kept for this item; the text above is what
                      Footprint saw and is included in the pack as a text file.
                    </p>`
              }`
          })
        : html`<p>No items are linked to this incident.</p>`
    }
    ${c.evidence.length ? '' : html`<p class="note warn">This incident has no captured evidence files. The pack holds the text of each post as Footprint saw it.</p>`}
    <h2>Reported to the platform</h2>
    ${events(reports, 'No report to the platform is recorded.')}
    <h2>The platform’s response</h2>
    ${events(responses, 'No response from the platform is recorded.')}
    <h2>Steps taken by the school</h2>
    ${events(internal, 'No internal steps are recorded.')}
    <h2>Outcome sought</h2>
    <p>${c.outcomeSought}</p>
    <p class="small muted">
      Personal details of people other than the account holders above are left out. Every file in
      this pack is listed with its SHA-256 in manifest.json.
    </p>
  `
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>POSH escalation</title><style>${PRINT_CSS}</style></head><body>${body}</body></html>`
}

function events(list: readonly IncidentEvent[], none: string): Html {
  if (!list.length) return html`<p>${none}</p>`
  return html`<table>
    <tr>
      <th>When</th>
      <th>What</th>
      <th>Reference</th>
      <th>Note</th>
    </tr>
    ${list.map(
      (e) =>
        html`<tr>
          <td>${dateTime(e.occurredAt)}</td>
          <td>${INCIDENT_EVENT_LABELS[e.kind]}</td>
          <td>${e.reference}</td>
          <td>${e.note}</td>
        </tr>`,
    )}
  </table>`
}

/** The email body: the summary in plain words, without the posts' text (that is in the attachments). */
export function poshEmailText(c: PoshCase, attachments: string[]): string {
  const { school, incident: i } = c
  const reports = i.events.filter((e) => e.kind === 'reported_to_platform')
  return [
    'Dear POSH team,',
    '',
    `${school.name}${school.urn ? ` (URN ${school.urn})` : ''} would like your help with an online incident.`,
    '',
    `Incident: ${i.title}`,
    `Platform(s): ${[...new Set(c.mentions.map(platformOf))].join(', ') || 'not recorded'}`,
    `Category: ${categoryOf(c.mentions).join(', ') || 'not classified'}`,
    `Safeguarding concern: ${i.safeguarding ? 'Yes' : 'No'}`,
    `Posts: ${c.mentions.map((m) => m.url ?? `item ${m.id} (no address)`).join(', ') || 'none linked'}`,
    `Reported to the platform: ${reports.length ? reports.map((e) => `${dateTime(e.occurredAt)}${e.reference ? ` (ref ${e.reference})` : ''}`).join('; ') : 'not yet'}`,
    `Outcome sought: ${c.outcomeSought}`,
    '',
    'The attached summary has every detail, and the evidence files with their SHA-256 hashes.',
    `Attachments: ${attachments.join(', ')}`,
    '',
    `${c.reporter.name}, ${c.reporter.role}`,
    [school.name, school.phone, school.email].filter(Boolean).join(' · '),
  ].join('\r\n')
}
