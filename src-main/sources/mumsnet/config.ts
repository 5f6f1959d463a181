/**
 * Runs in: main process and CLI (Node). What a Mumsnet source is set up with. Mumsnet has no API:
 * each run drives a real browser, so the caps here keep a run short and gentle on the site.
 */
import { z } from 'zod'

export const DEFAULT_MUMSNET_URL = 'https://www.mumsnet.com'

export const mumsnetConfigSchema = z.object({
  aliases: z
    .array(z.string().trim().min(1, 'A name to search for cannot be empty'))
    .min(1, 'Add at least one name the school is known by to search Mumsnet for'),
  exclusions: z.array(z.string().trim().min(1, 'An exclusion cannot be empty')).default([]),
  baseUrl: z
    .url({
      protocol: /^https?$/,
      error: 'Mumsnet address must be a web address starting with http:// or https://',
    })
    .default(DEFAULT_MUMSNET_URL),
  /** Lets this source reach loopback/private addresses (tests, or a mirror on the school's network). */
  allowPrivateNetwork: z.boolean().optional(),
  /** A Chrome, Edge or Chromium the user chose; when unset the usual install places are tried. */
  browserPath: z
    .string()
    .trim()
    .min(1, 'Browser path cannot be empty: leave it unset to find Chrome, Edge or Chromium')
    .optional(),
  maxThreadsPerRun: z
    .number({ error: 'Threads per run must be a number' })
    .int('Threads per run must be a whole number')
    .min(1, 'Threads per run must be at least 1')
    .max(50, 'Threads per run can be at most 50 (Mumsnet asks for gentle crawling)')
    .default(10),
  maxPagesPerThread: z
    .number({ error: 'Pages per thread must be a number' })
    .int('Pages per thread must be a whole number')
    .min(1, 'Pages per thread must be at least 1')
    .max(20, 'Pages per thread can be at most 20')
    .default(3),
})

export type MumsnetConfig = z.output<typeof mumsnetConfigSchema>
