// Runs in: main process / CLI (Node). Spam (bulk, scam, phishing) and commercial content (adverts,
// sales, donation or sponsorship requests) — both deleted on own channels.
import { BROAD_COMMERCIAL, BROAD_SPAM } from './broad'
import { type Detection, type DetectorInput, type Rule, runRules } from './util'

const SPAM: Rule[] = [
  {
    id: 'spam.scam',
    re: /\b(?:click (?:here|the link|below|my link|link in bio)|link in (?:my )?bio|check (?:my|out my) (?:bio|profile|page)|(?:bit\.ly|tinyurl|t\.co|goo\.gl|cutt\.ly|shorturl)\/\S+|you(?:'ve| have) (?:won|been selected)|claim (?:your|my|now|the) (?:\w+ )?(?:prize|reward|gift|voucher|cash|money|iphone)|free (?:iphone|ipad|gift cards?|vouchers?|followers|likes|money|cash|giveaway|crypto|bitcoin)|\bgiveaway\b|crypto\w*|bitcoin|btc|forex|nft|binary options|investment (?:opportunity|platform|expert|manager)|passive income|financial freedom|earn (?:£|\$)?\d[\d,]*\s?(?:k|\+)?\s?(?:a|per|every|each) (?:day|week|month)|(?:make|making|earned?) (?:£|\$)\d[\d,]*|work from home|be your own boss|dm (?:me|us) (?:for|to|now)|message me (?:for|to learn)|whatsapp (?:me )?(?:on |at )?\+?\d|verify your (?:account|details|identity)|(?:account|page) (?:will be |has been )?(?:suspended|disabled|deleted|locked)\b[^.!?\n]{0,40}\b(?:verify|click|confirm|appeal)|confirm your (?:details|account|password)|act now|limited time only|100% (?:guaranteed|legit|free)|no (?:scam|cap)|casino|slots|betting tips|payday loan|viagra|cialis|re-?register (?:your )?card|card details at|secure-?login|bank card needed|dm (?:me |us )?your (?:child'?s|kids'?) (?:name|details)|hot singles|singles in your area|onlyfans|sugar daddy|cash app|paypal me|recovery (?:expert|hacker)|hacker|hack(?:ed)? (?:back|recovery)|(?:followers|likes) (?:for sale|cheap)|buy followers|seo services|promote your (?:page|account))\b/g,
    view: 'deob',
    explain: 'Bulk, scam or phishing content.',
    unless:
      /\b(?:online safety|e-?safety|warning|beware|be aware|scam alert|watch out|don't click|do not click|reported|has been hacked and|careful|not the school'?s|is not the school)\b/,
  },
]

const COMMERCIAL: Rule[] = [
  {
    id: 'commercial.advert',
    re: /\b(?:tutor(?:ing|s)? (?:available|services|sessions|places|company|agency)|(?:11\+|eleven plus|sats|maths|english|phonics|gcse) (?:tutor\w*|prep|tuition|classes|course)|tuition|book (?:now|today|your|a (?:free )?(?:trial|session|place|slot|consultation))|(?:spaces|places|slots) (?:available|left|remaining)|(?:\d{1,2}|fifty|half)\s?% off|half price|discount(?:ed)?(?: code)?|promo(?:tion)? code|use (?:the )?code|voucher code|(?:on )?sale (?:now|ends)|for sale|now selling|we (?:sell|offer|provide|stock|supply|deliver|are offering|are now taking|cater)|our (?:new )?(?:shop|store|services?|products?|range|prices|packages|classes|club|camp)|order (?:now|yours|today|online)|shop (?:now|online|at)|stockists?|(?:prices|packages) (?:from|start)|from (?:just |only )?£\d+|£\d+(?:\.\d\d)? (?:per|an|a|for) (?:hour|session|week|child|day|term)|free (?:trial|consultation|assessment|quote|delivery)|visit (?:our|the) (?:website|shop|store)|www\.[a-z0-9-]+\.[a-z.]+|https?:\/\/(?!(?:www\.)?(?:st-?aldhelms?|gov\.uk|ofsted))\S+|enrol(?:l)? (?:now|today)|holiday (?:club|camp)s? [^.!?\n]{0,30}\b(?:book|places|£)|party (?:entertainer|bookings)|dm for (?:prices|details|bookings)|local business|small business)\b/g,
    view: 'lower',
    explain: 'An advert or sales offer.',
  },
  {
    id: 'commercial.donation',
    re: /\b(?:please )?(?:donate|donation|donations|gofundme|go fund me|justgiving|just giving|crowdfund\w*|fundraiser|fundraising page|sponsor (?:me|my|us|our|him|her)|sponsorship|(?:raffle|tombola) tickets?|every (?:penny|pound) (?:helps|counts)|chip in|(?:link|page) to donate)\b/g,
    explain: 'A donation or sponsorship request.',
    unless: /\b(?:don'?t pay|not them|scam|fake|not the (?:school|pta))\b/,
  },
]

SPAM.push(BROAD_SPAM)
COMMERCIAL.push(BROAD_COMMERCIAL)

export function detectSpam(input: DetectorInput, out: Detection[]): boolean {
  return runRules(input, 'spam', SPAM, out)
}

export function detectCommercial(input: DetectorInput, out: Detection[]): boolean {
  return runRules(input, 'commercial', COMMERCIAL, out)
}
