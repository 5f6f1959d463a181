// Runs in: main process / CLI (Node). Fake accounts posing as the school or its staff, and reports of them.
import { BROAD_IMPERSONATION } from './broad'
import { type Detection, type DetectorInput, type Rule, runRules } from './util'

const RULES: Rule[] = [
  {
    id: 'impersonation.report',
    re: /\b(?:fake|bogus|spoof|imposter|impostor|copycat|cloned?|parody|unofficial|scam|fraudulent|phoney|phony)\s+(?:\w+\s+){0,2}?(?:account|page|profile|facebook|instagram|twitter|x account|tiktok|group|website|site|email|whatsapp)s?\b|\bimpersonat\w*|\b(?:pretending|claiming|purporting|posing|pretends|claims|posed|pretended|masquerading) (?:to be|as) (?:the school|(?:a |the )?(?:head|headteacher|teacher|deputy|senco|member of staff|staff|office|school office|governors?)|mrs|mr|miss|ms|dr|st aldhelm|from (?:the )?school)|\b(?:not|isn't|is not|nothing to do with|not affiliated with|not run by) (?:our|the school's|the|an?) (?:official|real|genuine) (?:account|page|profile|school page)|\b(?:someone|somebody|a person|people) (?:has|have|had) (?:set up|created|made|opened|started) (?:a|an|another)\s+(?:\w+\s+){0,2}?(?:account|page|profile)\b[^.!?\n]{0,60}\b(?:name|photo|logo|picture|pretending|as (?:her|him|the))|\b(?:using|used|stole|stolen|copied) (?:the school's|our|her|his|mrs \w+'s|mr \w+'s|miss \w+'s) (?:name|logo|photo|picture|identity|badge)\b[^.!?\n]{0,40}\b(?:account|page|profile)|\bcatfish\w*/g,
    explain: 'An account posing as the school or a member of staff, or a report of one.',
    unless:
      /\b(?:fake news|fake tan|fake nails|fake smile|fake tears|fake plants?|fake snow|parody song)\b/,
  },
  {
    id: 'impersonation.claimed-identity',
    re: /\b(?:this is|i am|i'm|it's|message from|from) (?:mrs|mr|miss|ms|dr) \w+,? (?:the )?(?:head|headteacher|head teacher|deputy|school business manager|bursar)\b[^]{0,200}\b(?:bank details|card details|gift cards?|itunes|amazon vouchers?|click (?:the|this) link|pay (?:now|today|by)|transfer|new number|whatsapp me|text me on|urgent payment|verify|sort code|password)\b|\b(?:new|official|real|backup|replacement) (?:page|account|profile) (?:of|for) (?:st aldhelm|saint aldhelm|aldhelm|the school)\b[^.!?\n]{0,80}\b(?:old (?:one|page|account)|hacked|follow|like|share|add)/g,
    explain:
      'Claims to be the school or its head while asking for money, details or a new contact.',
  },
]

RULES.push(
  {
    id: 'impersonation.claims-to-be-staff',
    re: /\b(?:this is|it'?s|it is|i am|i'm|im|message from)\s+(?:mrs|mr|miss|ms|dr)\s+\w+(?:'s)?\b(?=[\s\S]{0,200}\b(?:new (?:personal )?(?:account|page|profile|number)|personal account|private account|allowed to edit|from school!|favourite pupils|send me|dm me|follow (?:me|and))\b)/g,
    explain: 'Claims to be a named member of staff from a new or personal account.',
  },
  {
    id: 'impersonation.official-lookalike',
    re: /(?:\bofficial\b[^.!?\n]{0,40}\b(?:st aldhelm|aldhelm|school|primary|page|account)|\b(?:st aldhelm'?s?|saint aldhelm'?s?)(?: primary)?(?: school)? office:|\b(?:called|named|handle(?: is)?(?: something like)?)\s+["']?[a-z0-9_. ]{0,40}(?:official|headteacher|staldhelm|aldhelm|okafor|pryce|lindqvist|desai|baxter|whitfield|novak|raman))(?=[\s\S]*\b(?:voucher|claim|verify|card details|bank card|re-?register|hacked|follow us|dm (?:me|us|your)|giveaway|share for|login|log in|password|entitled to|isn'?t (?:her|him|them|the school)|not (?:the school|her|him|them|actually)|is it the school|reported)\b)/g,
    explain: 'An account styled as the school or its staff, or a report of one.',
  },
  {
    id: 'impersonation.denied-account',
    re: /\b(?:account|profile|page|tiktok|instagram|insta|facebook)\b[^.!?\n]{0,80}\b(?:using|in) (?:\w+ ){0,3}(?:name|photo)|\b(?:it|that|this)(?:'s| is) not (?:actually )?(?:her|him|them)\b|\bnot actually (?:her|him|them|the school)\b|\bit isn'?t (?:her|him|them)\b|\bconfirmed it'?s not (?:them|her|him|us)\b|\bnot the school'?s (?:page|account|profile)/g,
    explain: 'A report that an account using the school or staff identity is not genuine.',
  },
)

RULES.push(BROAD_IMPERSONATION)

export function detectImpersonation(input: DetectorInput, out: Detection[]): boolean {
  return runRules(input, 'impersonation', RULES, out)
}
