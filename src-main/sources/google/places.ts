/**
 * Runs in: main process and CLI (Node). The school's public Google rating through Places API
 * (New) Place Details: rating and userRatingCount for the rating history, and the at most 5
 * reviews Google chooses to return. The secondary Google route: it needs only an API key, not
 * ownership of the listing, but its terms restrict storing review text and require attribution.
 *
 * Field names follow the Places API (New) Place resource (rating, userRatingCount, reviews[] with
 * name, rating, text, originalText, authorAttribution, publishTime, googleMapsUri). PoliteHttp.get
 * sends no custom headers, so the key and field mask go as the documented `key` and `fields`
 * system parameters (the query forms of X-Goog-Api-Key and X-Goog-FieldMask); every URL we put in
 * an error is redacted.
 */
import { NO_CREDENTIALS, requireCredential } from '../credentials'
import type { Connector } from '../connector'
import type { FetchedItem } from '../types'
import { DEFAULT_INTERVAL_MINUTES } from '../../contract/sources'
import {
  DEFAULT_PLACES_BASE_URL,
  GooglePlacesConfig,
  PLACES_TERMS_NOTE,
} from '../../contract/connectors'
import { appendRatingHistory, type RatingSnapshot } from './business-profile'
import { googleGetObject, isRecord, isoOrNull, str, type Credentials } from './common'
import { httpUrlOrNull } from '../payload'

/** The name the API key is stored under in Credentials. */
export const GOOGLE_PLACES_KEY = 'google_places.api_key'
/** Only what we show: Place Details is billed by the fields asked for. */
export const PLACES_FIELD_MASK = 'rating,userRatingCount,reviews,displayName,googleMapsUri'
export const MAX_PLACES_REVIEWS = 5

export const PLACES_NOT_CONNECTED_MESSAGE =
  'Google Places is not connected: add the API key again (reconnect)'
const WORDING = {
  service: 'Google Places',
  auth: 'Google Places refused the API key (revoked, restricted, or Places API (New) not enabled): add the key again (reconnect)',
}

export const googlePlacesConfigSchema = GooglePlacesConfig
export type { GooglePlacesConfig }
export { DEFAULT_PLACES_BASE_URL, PLACES_TERMS_NOTE }

export interface GooglePlacesState {
  rating?: RatingSnapshot
  ratingHistory?: RatingSnapshot[]
  displayName?: string | null
  googleMapsUri?: string | null
}

export function placeUrl(config: GooglePlacesConfig): string {
  const u = new URL(
    `${config.baseUrl.replace(/\/+$/, '')}/v1/places/${encodeURIComponent(config.placeId)}`,
  )
  u.searchParams.set('fields', PLACES_FIELD_MASK)
  return u.href
}

function localizedText(v: unknown): string | null {
  return isRecord(v) ? str(v.text) : null
}

/** One Places review → FetchedItem; attribution kept whole because the terms require it. */
export function placesReviewToItem(review: unknown): FetchedItem | null {
  if (!isRecord(review)) return null
  const name = str(review.name)
  if (!name) return null
  const attribution = isRecord(review.authorAttribution) ? review.authorAttribution : {}
  return {
    externalId: name,
    url: httpUrlOrNull(review.googleMapsUri),
    title: null,
    // text is in the requested language; originalText is what the author wrote.
    text: localizedText(review.text) ?? localizedText(review.originalText) ?? '',
    author: str(attribution.displayName),
    authorUrl: httpUrlOrNull(attribution.uri),
    publishedAt: isoOrNull(review.publishTime),
    raw: review,
    meta: {
      rating: typeof review.rating === 'number' ? review.rating : null,
      authorAttribution: {
        displayName: str(attribution.displayName),
        uri: str(attribution.uri),
        photoUri: str(attribution.photoUri),
      },
      publishTime: isoOrNull(review.publishTime),
      relativePublishTimeDescription: str(review.relativePublishTimeDescription),
      originalLanguage: isRecord(review.originalText)
        ? str(review.originalText.languageCode)
        : null,
      flagContentUri: str(review.flagContentUri),
      // Storage of this text is limited by the Places terms: see PLACES_TERMS_NOTE.
      placesTermsRestricted: true,
    },
  }
}

export function createGooglePlacesConnector(
  credentials: Credentials = NO_CREDENTIALS,
): Connector<GooglePlacesConfig> {
  return {
    kind: 'google_places',
    configSchema: googlePlacesConfigSchema,
    defaultIntervalMinutes: DEFAULT_INTERVAL_MINUTES.google_places,
    async fetch(config, state, ctx) {
      const key = await requireCredential(
        ctx.credentials ?? credentials,
        GOOGLE_PLACES_KEY,
        PLACES_NOT_CONNECTED_MESSAGE,
        placeUrl(config),
      )
      const url = placeUrl(config)
      const place = await googleGetObject(
        ctx.http,
        url,
        {
          allowPrivateNetwork: config.allowPrivateNetwork,
          signal: ctx.signal,
          headers: { 'x-goog-api-key': key },
        },
        WORDING,
        'place',
      )
      const items = (Array.isArray(place.reviews) ? place.reviews : [])
        .slice(0, MAX_PLACES_REVIEWS)
        .map(placesReviewToItem)
        .filter((i): i is FetchedItem => i !== null)
      const rating: RatingSnapshot = {
        averageRating:
          typeof place.rating === 'number' && Number.isFinite(place.rating) ? place.rating : null,
        totalReviewCount: typeof place.userRatingCount === 'number' ? place.userRatingCount : null,
        observedAt: ctx.now().toISOString(),
      }
      const prev = state as GooglePlacesState
      const next: GooglePlacesState = {
        rating,
        ratingHistory: appendRatingHistory(prev.ratingHistory, rating),
        displayName: localizedText(place.displayName),
        googleMapsUri: str(place.googleMapsUri),
      }
      return { items, state: { ...next }, notModified: false }
    },
  }
}
