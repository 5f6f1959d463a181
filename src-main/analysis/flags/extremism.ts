// Runs in: main process / CLI (Node). Extremist or terrorist content and radicalisation (Prevent duty).
import { BROAD_EXTREMISM } from './broad'
import { EXTREMISM_FAMILIES } from './families'
import { EXTREMISM_FAMILIES_2 } from './families-hate'
import { EXTREMISM_FAMILIES_3 } from './families-hate-3'
import { EXTREMISM_FAMILIES_4 } from './families-hate-4'
import { type Detection, type DetectorInput, type Rule, runRules } from './util'

const RULES: Rule[] = [
  {
    id: 'extremism.groups-and-terms',
    re: /\b(?:isis|isil|daesh|al[- ]?qa(?:e|i)da|al[- ]?shabaab|boko haram|taliban|hamas|hezbollah|jihad(?:i|is|ist|ists)?|caliphate|mujahid\w*|kuffar|kafirs?|infidels?|martyrdom|shaheed|holy war|national action|patriotic alternative|combat 18|atomwaffen|sonnenkrieg|base (?:network|group)|britain first|blood and soil|white (?:power|pride|genocide|lives matter|replacement|supremac\w*|nationalis\w*)|race war|great replacement|remigration|14 ?words|14 ?88|1488|heil hitler|sieg heil|zog|swastikas?|neo-?nazis?|nazis?|third reich|kkk|ku klux|aryan|fascis[mt]\w*|far[- ]right (?:group|recruit\w*|sticker\w*|leaflet\w*|propaganda|material|content|video\w*|chat\w*|ideology)|incels?|accelerationis\w*|mass shooter|school shoot\w*|manifesto)\b/g,
    view: 'deob',
    explain: 'Names an extremist group, slogan or ideology.',
    unless:
      /\b(?:grammar|spelling|uniform|fashion|parking|health|feminazi|homework|uniform police|history (?:lesson|topic|project|homework|curriculum|teachers?|coursework|lecture)|historians?|ww2|world war|second world war|holocaust (?:memorial|galleries|education)|remembrance|anne frank|learning about|museums?|exhibitions?|source pack|teaching pack|propaganda posters?|(?:gcse|a-level) (?:history|english|speech)|fled nazi|rise of the nazis|nazi (?:germany|seizure)|re (?:lesson|homework|teachers?)|inner struggle|the word)\b/,
  },
  {
    id: 'extremism.radicalisation',
    re: /\b(?:radicali[sz]\w*|extremis[mt]\w*|terroris[mt]\w*|prevent (?:referral|officer|team|duty|programme|referred)|referred to prevent|channel (?:panel|programme)|recruit(?:ed|ing|ment)? (?:pupils|children|kids|young people|boys|teenagers|him|her|them)\b[^.!?\n]{0,30}\b(?:into|to join|for)|join (?:the|our) (?:cause|fight|movement|struggle|brotherhood)|(?:die|fight|kill) for (?:allah|the cause|the race|our people)|behead\w*|bomb[- ]making|make a bomb|suicide (?:vest|bomb\w*)|martyr\w*|(?:hitler|breivik|tarrant) (?:was right|did nothing wrong|had a point)|(?:andrew )?tate(?:'s)? (?:videos?|content|speeches|ideology|views)|manosphere|(?:deport|remove|cleanse|purge) (?:them|all (?:the )?(?:muslims|jews|immigrants|foreigners|blacks|migrants)))\b/g,
    view: 'deob',
    explain: 'Radicalisation, recruitment or praise of terrorism — a Prevent duty concern.',
    unless:
      /\b(?:counter[- ]terrorism (?:training|policing)|prevent (?:training|team is running)|anti-extremism (?:training|workshop)|online safety (?:evening|session|workshop|talk)|training|workshops?|information evening|resilience to|british values|e-learning|(?:prevent|our|the school's) (?:policy|duty requires|guidance|lead|partnership)|(?:a|the) (?:government|home office|independent) review|researchers|figures (?:published|show)|according to figures|debate club|this house believes|myths and facts|parents' forum|genuinely curious|how (?:it|does it|do they|does that) works?|radicali[sz]ed me|at bedtime)\b/,
  },
  {
    id: 'extremism.nationalist-recruitment',
    re: /\b(?:(?:real |true )?patriots,? (?:meet|took|take|rally|unite|gather|wake up)|time (?:real )?patriots|join (?:us|the (?:\w+ )?(?:defence|patriots|network|league|movement|resistance))(?: before)?|\w+ (?:defence|patriots?) (?:league|network|alliance|front|group)|\w+ patriots\b|enlist now|the war for (?:our )?children|#?take ?back ?\w+|(?:our|white) (?:children|people|kids) are being replaced|white (?:parents|people|families|britain),? wake up|bow to islam|(?:english|british|christian) culture (?:gets|is being|being) erased|ummah needs (?:soldiers|fighters)|soldiers,? not choirboys|study circle|\bshirk\b|kill the unbelievers|unbelievers|is-style flag|(?:is|isis) flag|secret cabal|cabal (?:runs|controls)|new world order|this is how it starts|protect our children\b[^.!?\n]{0,40}\b(?:patriots|flags|meet)|bring flags)/g,
    view: 'deob',
    explain: 'Nationalist or religious-extremist recruitment, conspiracy or call to arms.',
    unless: /\b(?:online safety (?:evening|session)|training)\b/,
  },
]

RULES.push(
  BROAD_EXTREMISM,
  ...EXTREMISM_FAMILIES,
  ...EXTREMISM_FAMILIES_2,
  ...EXTREMISM_FAMILIES_3,
  ...EXTREMISM_FAMILIES_4,
)

export function detectExtremism(input: DetectorInput, out: Detection[]): boolean {
  return runRules(input, 'extremism', RULES, out)
}
