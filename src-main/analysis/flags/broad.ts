// Runs in: main process / CLI (Node). Broader vocabulary nets for the high-recall flags, written
// from how threats, abuse, scams and grooming are commonly phrased online (not from any corpus).
// Each list is one rule per flag so the evidence still names what fired.
import type { Rule } from './util'

export const BROAD_THREAT: Rule = {
  id: 'threat.broad',
  re: /\b(?:(?:i|we)(?:'ll| will|'m going to| am going to|'re going to| are going to|'m gonna| are gonna) (?:\w+ ){0,3}?(?:kill|stab|batter|punch|slap|shoot|strangle|throttle|smack|knock (?:her|his|your|their) (?:head|teeth)|beat (?:her|him|you|them|the)|hurt (?:her|him|you|them))|(?:i'm|im|i am|we're|we are) coming for (?:you|her|him|them)|hunt (?:you|her|him|them) down|get my hands on (?:you|her|him|them)|when i (?:see|find|catch) (?:you|her|him|them)\b[^.!?\n]{0,30}\b(?:i'll|i will|gonna)|mark my words|there will be (?:blood|trouble|consequences)|won't know what hit (?:you|her|him|them)|make (?:your|her|his|their) li(?:fe|ves) (?:hell|a misery)|see how (?:you|she|he|they) like(?:s)? it|(?:burn|blow|shoot) (?:it|the (?:place|school|building)|that school) (?:down|up)|shoot up (?:the|that) school|bomb (?:the|that) school|(?:you're|you are|she's|he's|she is|he is) dead(?: meat)?\b(?! (?:right|on|good|keen|serious|funny|tired|late))|dead man walking|(?:i'll|i will|we'll) be (?:outside|round|there) (?:your|her|his) (?:house|door|work)|find out where (?:you|she|he|they) li(?:ve|ves)|wait till i get|(?:she|he|you)(?:'ll| will) get what(?:'s| is) coming)/g,
  view: 'deob',
  explain: 'A threat of violence or harm to a person or the school.',
  unless:
    /\b(?:kill (?:for|time|it)|killing me|dead (?:tired|good|keen|funny|serious)|joking|lol|😂|idiom|knock (?:her|his) socks|(?:kill|throttle|strangle|murder|batter) (?:ds|dd|dc|my (?:son|daughter|kids?|boy|girl)))\b/,
}

export const BROAD_SAFEGUARDING: Rule = {
  id: 'safeguarding.broad',
  re: /\b(?:came home (?:crying|in tears|terrified|shaking|bleeding|hurt|injured|soaked|wet)|too scared to (?:go|come) (?:in|into school|to school|back)|touched (?:her|him|my \w+|them) inappropriately|inappropriate(?:ly)? (?:touch\w*|photos?|pictures|comments to (?:her|him|pupils|children))|grabbed (?:her|him|my \w+) by (?:the|her|his)|dragged (?:her|him|my \w+)|restrained (?:her|him|my \w+)|locked (?:her|him|them|my \w+) (?:in|out)|forgot (?:to collect|about) (?:her|him|my \w+)|nobody (?:collected|picked up|came for) (?:her|him)|(?:man|woman|stranger|someone) (?:in a (?:car|van) )?(?:approached|tried to (?:talk to|take|lure)|offered (?:her|him) (?:sweets|a lift|money))|filmed (?:in|the) (?:toilets?|changing rooms?)|(?:photos?|videos?) of (?:the )?(?:kids|children|pupils|my (?:son|daughter)) (?:on|posted|shared|online)|smelt? of (?:alcohol|drink|booze)|(?:teacher|ta|staff|head) (?:was |is |seemed )?drunk|marks on (?:her|his) (?:arms?|legs?|neck|face|back)|burn marks|allergic reaction|epipen|anaphyla\w*|choking|(?:hit|hits|hitting|slapped|kicked|punched|shoved|pushed|bit|bitten) (?:her|him|my (?:son|daughter|child|boy|girl|ds|dd))\b|(?:wants?|wanted|want) to (?:hurt|kill) (?:herself|himself|themselves)|suicid\w*|self[- ]?harm\w*|scared (?:to go home|of (?:her|his) (?:dad|mum|stepdad|mother|father))|(?:police|social services) (?:were |have been )?(?:at|called to) (?:their|her|his) (?:house|home))/g,
  explain: 'A child hurt, frightened, exposed or at risk — a welfare concern for the DSL.',
  unless:
    /\b(?:training|policy|awareness|workshops?|assembly|course|first aid|(?:online|e-?safety|internet) (?:safety )?(?:talk|session|evening|lesson))\b/,
}

export const BROAD_HATE: Rule = {
  id: 'hate.broad',
  re: /\b(?:(?:those|these|bloody|filthy|dirty|stinking|typical) (?:muslims|immigrants|foreigners|migrants|pakis|poles|gypsies|travellers|blacks|jews|gays|lesbians|trannies|africans|asians|romanians|refugees|asylum seekers)|(?:muslims|immigrants|foreigners|migrants|blacks|jews|gays|trans people|travellers|gypsies|refugees) (?:should|shouldn't|need to|must|can) (?:go|leave|be (?:banned|kicked out|sent back|deported)|get out)|(?:doesn't|don't|can't|cannot) even speak (?:proper )?english|illegals|invaders|(?:man|bloke) in a dress|(?:trans|transgender|gender) (?:nonsense|ideology|rubbish|cult|freaks?)|(?:autistic|disabled|sen|send|special needs) (?:kids|children|pupils) (?:should|shouldn't|are (?:a )?(?:burden|drain|problem))|(?:in|from|back to) the (?:jungle|trees)\b|half[- ]caste|coconut\b|kung flu|chinky|(?:black|brown|asian|paki|muslim|jewish|gay|foreign) (?:bitch|cow|bastard|scum|twat|prick)|(?:islam|muslims?) (?:is|are) (?:a )?(?:cancer|disease|evil|poison)|gay (?:teachers?|heads?) (?:should|shouldn't|are (?:perverts|disgusting))|(?:perverts?|paedos?|nonces?|groomers?) (?:like )?(?:all )?(?:the )?(?:gays?|trans|lgbt\w*))/g,
  view: 'deob',
  explain:
    'Hostility towards people for their race, religion, sex, orientation, gender identity or disability.',
}

export const BROAD_SEXUAL: Rule = {
  id: 'sexual.broad',
  re: /\b(?:hott(?:ie|y)|(?:nice|great|fit|peng|lovely) (?:arse|ass|bum|legs|body|figure|rack|chest|tits|boobs|thighs)|(?:tight|short|low[- ]cut) (?:skirt|dress|top|jeans|trousers|leggings|blouse)|cleavage|what i'?d do to (?:her|him)|kick (?:her|him) out of bed|bend (?:her|him) over|naughty (?:teacher|miss|sir|boy|girl|schoolgirl)|cougar|sle(?:pt|eping) (?:her|his|their) way|send (?:me )?(?:nudes|pics|pictures of (?:yourself|you))|dick ?pics?|jugs|melons|thirsty for|smash(?:ing)? (?:her|him)\b(?! up)|(?:would|i'?d) (?:not )?say no to (?:her|him|that|mrs|miss|mr))\b/g,
  view: 'deob',
  explain: 'Sexual comment or innuendo about a person.',
}

export const BROAD_SPAM: Rule = {
  id: 'spam.broad',
  re: /\b(?:(?:trading|investment|crypto|forex) (?:bot|signals?|platform|account manager|expert|mentor)|(?:turn(?:ed)?|grow|grew) £?\d[\d,]* into £?\d|\d+% (?:returns?|profit|roi)|guaranteed (?:returns?|profit|income)|(?:inbox|message|dm) me (?:now|for|to|if)|(?:free|cheap|real) followers|followers (?:for|only|from) £|grow your (?:page|account|following|followers)|go viral|boost your (?:page|account|followers|reach)|telegram|(?:win|won) (?:a|an|the) (?:iphone|ipad|car|holiday|£\d)|congratulations,? (?:you|you've)|selected (?:winner|to receive)|claim (?:now|today|here)|verify (?:now|here)|(?:essay|assignment|homework) (?:writing|help) service|weight loss|keto|diet pills|lottery|payday|debt (?:help|relief)|side hustle|replaced my (?:salary|income)|no experience needed|join my team|dropshipping|recover (?:your )?(?:account|password|funds)|spell caster|psychic reading)\b/g,
  view: 'deob',
  explain: 'Bulk, scam or phishing content.',
  unless: /\b(?:beware|scam alert|warning|don't (?:click|fall for)|do not (?:click|reply))\b/,
}

export const BROAD_COMMERCIAL: Rule = {
  id: 'commercial.broad',
  re: /\b(?:selling|for sale|ono\b|collection only|(?:available|open) for bookings|bookings? (?:now )?open|(?:our|my) (?:business|company|shop|classes|club|camp|services?|studio|salon)|(?:uniform|school shoes|shoes|coats?|jumpers?|book ?bags?) (?:sale|for sale)|£\d+(?:\.\d\d)? (?:each|ono|per|a go)|dm (?:for|me for) (?:prices?|details|info|availability|bookings?)|special offer|(?:limited|introductory) offer|enquire (?:now|today|via)|(?:follow|like) (?:our|my) (?:page|business)|sponsored (?:walk|run|silence|swim|bike ride|read)|(?:help|support) (?:us|our \w+) (?:raise|reach)|raise £\d|target of £\d|(?:just ?giving|go ?fund ?me)|link in (?:our|my) bio)\b/g,
  explain: 'An advert, sale or donation request.',
  unless: /\b(?:scam|fake|not (?:the school|us|ours)|don't pay)\b/,
}

export const BROAD_IMPERSONATION: Rule = {
  id: 'impersonation.broad',
  re: /\b(?:(?:account|page|profile) (?:isn't|is not|is not|not) (?:ours|official|the school's|real|genuine|us)|(?:we|the school) (?:don't|do not|doesn't|does not) have (?:a|an) (?:tiktok|instagram|twitter|x|facebook|snapchat) (?:account|page)|(?:hacked|cloned) (?:account|page|profile)|someone (?:is|has been) (?:messaging|contacting|adding) (?:parents|people|pupils|families)\b[^.!?\n]{0,40}\b(?:as|pretending|claiming)|(?:beware|warning|careful)\b[^.!?\n]{0,60}\b(?:account|page|profile|messages?|emails?) (?:pretending|claiming|posing|using))/g,
  explain: 'An account posing as the school or staff, or a warning about one.',
}

export const BROAD_EXTREMISM: Rule = {
  id: 'extremism.broad',
  re: /\b(?:jihadi\w*|islamist\w*|islamic state|crusaders?|sharia (?:law )?(?:will|for|is coming)|race traitors?|globalists?|(?:jews|zionists) (?:control|run|own)|rothschilds?|reclaim (?:britain|england|our (?:country|streets|schools))|defend (?:our|britain's|england's) (?:children|country|culture|heritage|race)|(?:white|british|english) (?:heritage|identity|race) (?:is )?(?:under attack|being erased|dying)|(?:bombing|attack|bomber)s? (?:was|were) (?:justified|deserved|right|heroes?)|deserved to die|(?:praise|glory) (?:be )?to (?:the )?(?:martyrs?|mujahideen)|went (?:off )?to (?:syria|fight)|training camp|white (?:boy|man) summer|remigrat\w*)\b/g,
  view: 'deob',
  explain: 'Extremist ideology, recruitment or glorification of terrorism.',
  unless: /\b(?:history|lesson|ww2|curriculum|remembrance)\b/,
}
