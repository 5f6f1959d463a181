// Runs in: main process / CLI (Node). Fourth round of hate and extremism concepts.
//
// What the earlier rounds missed is mostly hatred said calmly, as a fact or a joke, without a
// slur: a stereotype with "it's in their blood", a festival or a flag sneered at, "trans kids
// aren't a thing", a coded antisemitic aside. On the extremism side: the praise names of attackers
// ("saints", "lions", "got it right"), the numeric and emoji codes of the far right and of jihadist
// groups, and calls to act ("stop typing, start acting"). A text that only reports such things
// (a child repeating them, stickers found, a court case) is still extremism, but it is not the
// writer's own hatred, so the hate rules below drop sentences told in a reporting frame.
import type { Rule } from './util'

// A sentence that tells what someone else said, wrote or showed, or that a lesson or the police
// dealt with it: the hate is quoted, not the writer's.
const REPORTED =
  /\b(?:says|said|saying|told (?:him|her|them|me|us|everyone|the|my)|asked|asking|repeat\w*|c(?:oming|ame|omes) out with|symbols?|code|e-safety|copying|stickers?|leaflets?|flyers?|graffiti|sprayed|spray-painted|scrawled|written|police|reported|report(?:ing)?|found|bio|t-shirt|badge|tattoo\w*|posting|posts|shar(?:es|ed|ing)|watching|videos?|channels?|memes?|convicted|court|chant\w*|radicalis\w*|what (?:is|does)|means|lesson|taught (?:us|them|the (?:kids|children|class))|anti-?racis\w+|history|conspiracy theor\w+|accounts?|called|chats?|essays?|arguing|slogans?|excerpts?|debat\w+|wrote|rants?|website|follows|notebook|drew|decided)\b/

// Groups named plainly or by what marks them out (dress, food, faith, a festival).
const GROUP5 =
  '(?:muslims?|islam\\w*|jews?|jewish|hindus?|sikhs?|immigrants?|migrants?|asylum seekers?|refugees?|foreigners?|foreign|polish|poles|romanians?|roma|gypsies|gypsy|travell?ers?|black|blacks|brown|asian|asians|africans?|somalis?|bangladeshis?|pakistanis?|west indian|caribbean|arabs?|gay|gays|lesbians?|homosexuals?|trans|transgender|non-binary|women|woman|girls|female|disabled|autistic|autism|adhd|sen|downs?|wheelchair|deaf|hijab|headscarf|headscarves|turbans?|burkas?|niqab|halal|mosques?|imams?|eid|ramadan|diwali|pride|these people|those people)'

export const HATE_FAMILIES_5: Rule[] = [
  {
    id: 'hate.essentialising',
    // A group's behaviour put down to what they are: blood, genes, culture, "not like us".
    re: /\b(?:(?:it's|its|it is) in (?:their|the) (?:blood|genes|dna)|in their (?:blood|genes|dna)|can(?:'t|not) change what they are|(?:they're|they are|theyre) not like us|(?:with|among|belong with) their own kind|breed(?:ing)? like (?:rabbits|rats|flies)|churn(?:ing)? out (?:more )?(?:kids|babies|children)|come (?:over )?here for the (?:freebies|benefits|handouts)|can(?:'t|not) be civili[sz]ed|backwards? cavemen|always look after their own|play(?:ing)? the long game|(?:got|have) (?:this|the) (?:town|council|school) in their pocket|(?:they|these people) don't want to be british|(?:they|these people) (?:don't|won't|never) integrate|(?:it's|its) (?:just )?biology|that's the culture|(?:it's|its) cultural)\b/g,
    view: 'deob',
    needs: new RegExp(`\\b${GROUP5}\\b`),
    explain:
      'Puts a group’s behaviour down to their race, religion, culture or sex, as if it were a fact about all of them.',
    // Warm uses of the same words ("feeding everyone is in their blood") are not hatred.
    unless: new RegExp(
      `${REPORTED.source}|\\b(?:lovely|brilliant|proud|welcom\\w*|celebrat\\w*|generous|kind|amazing)\\b`,
    ),
  },
  {
    id: 'hate.dog-whistle',
    // Hatred said with a wink, the group left for the reader to fill in.
    re: /\b(?:you know who to thank|we all know who (?:they|you) mean|(?:a )?certain communit(?:y|ies)|for cultural reasons|(?:'|")those(?:'|")? families|fewer of (?:'|")?those\b|the only white faces|not my country any ?more|notmycountry|who'?s who of the third world|learn the language or go home|(?:hires?|hiring) (?:her|his|their) own kind|headscarf brigade|everyone knows what they're like|you know what happens every time|a school for other people's children)\b/g,
    view: 'deob',
    explain:
      'Hostility to a group said in code ("those families", "you know who"), the group left unnamed.',
    unless: REPORTED,
  },
  {
    id: 'hate.theft-stereotype',
    // Travellers and Roma cast as thieves: "lock your sheds", "chain your bikes".
    re: /\b(?:lock (?:up )?your sheds|chain (?:ur|your) bikes|keep an eye on your (?:kids' )?bikes|say goodbye to your (?:car|garden|bikes?|tools)|hide your (?:bikes|valuables|tools))\b/g,
    view: 'deob',
    needs: /\b(?:travell?ers?|gypsy|gypsies|gyppos?|roma|romanians?|pikeys?|visitors'?)\b/,
    explain: 'Casts Travellers, Roma or another group as thieves.',
  },
  {
    id: 'hate.faith-and-pride-contempt',
    // Contempt for a faith, a festival, a flag or a family, not a complaint about a lesson plan.
    re: /\b(?:islami(?:fication|[sz]ation|[sz]ing|[sz]e[ds]?)|creeping sharia|sharia courts?|before the mullahs|handed (?:over )?to (?:the )?islamists|(?:islam|it) (?:is|'s) (?:not a religion of peace|a death cult)|a death cult|religion of (?:hate|war)|teaching (?:them|children|kids|our kids) to submit|(?:we all|everyone) (?:has|have) to bow down|muslim[- ]slaughtered|homosexual agenda|homosexuality is (?:a sin|wrong|unnatural)|(?:gays?|gay people|lesbians|trans people) (?:are not|aren't) (?:a )?role models?|normalis\w+ perversion|(?:gay|trans|lgbt\w*) (?:people )?(?:have always )?prey(?:ed)? on children|(?:turned|turning|turn) into little fairies|wanting to be a homo|recruiting them young|two dads\b[^.!?\n]{0,30}\b(?:poor sod|sick|wrong|not normal)|(?:don't|do not) want her thinking that's normal)\b/g,
    view: 'deob',
    explain:
      'Contempt for a faith, its festivals or dress, or for gay and trans people, as more than a view on the curriculum.',
    unless: REPORTED,
  },
  {
    id: 'hate.trans-denial',
    re: /\b(?:trans (?:kids|children|people) (?:aren't|are not|don't|do not) (?:a thing|exist|real)|(?:non-binary|trans|transgender|gender identity)\b[^\n]{0,40}\bno such thing|no such thing as (?:non-binary|trans\w*|gender identity)|(?:it's|he's|she's) (?:just )?a (?:man|woman|boy|girl) with (?:a problem|a mental illness)|a (?:boy|man) with a mental illness|feeding (?:his|her|their) delusion|call a man (?:miss|mrs|she|her)|get that thing away from|(?:can't|cannot) just invent a gender|boys can be girls if they feel like it|for the sake of a fantasy|(?:that|this) (?:sort of )?lifestyle is normal|men are men\b|(?:is )?actually a boy|confused woman wanting attention|attention seeking by (?:mothers|parents))\b/g,
    view: 'deob',
    explain: 'Denies that trans or non-binary people exist, or calls them mentally ill or frauds.',
    unless: REPORTED,
  },
  {
    id: 'hate.sexist-statement',
    re: /\b(?:women|girls|female (?:teachers|heads))\b[^.!?\n]{0,20}\b(?:are|r) (?:all )?(?:thick(?! as)|too emotional|hypergamous|the reason (?:boys|kids)|useless at)\b|\b(?:women|girls) (?:can't|cannot|shouldn't) (?:do|play) (?:football|maths|science|sport)\b|\bwomen (?:don't|do not) make good\b|\bneeds? a man to keep (?:them|it|the kids) in line\b|\bmen (?:should not|shouldn't) be teaching (?:reception|nursery|infants|little ones)\b|\bwomen (?:simply )?(?:aren't|are not) built to\b|\b(?:women|menopausal women) (?:shouldn't|should not) be (?:running|let near)\b|\bboysneedmen\b|\bstrong male presence\b|\bfeminised schools\b|\blady feelings\b|\b(?:femoids?|foids?)\b/g,
    view: 'deob',
    explain: 'Says women or girls are lesser by nature, or men unfit to teach little ones.',
    unless: REPORTED,
  },
  {
    id: 'hate.disablist-statement',
    re: /\b(?:downies|downs kids|cabbage on wheels|pretend to be a vegetable|(?:the )?short bus (?:lot|kids)|deaf mutes?|(?:autistic|adhd|sen|disabled|downs) (?:kids|children) (?:are|r) (?:basically |just )?(?:unteachable|feral|a drain)|kids with "?(?:adhd|autism)"? are just (?:badly|naughty|lazy|feral)|(?:special needs|adhd|autism|sen) my arse|autistic brat|(?:autistic|adhd|sen|disabled|deaf|blind|wheelchair) (?:ones|kids|children) should be in (?:a unit|special\w*)|(?:there are|that's what) specialist schools (?:are )?for|normal (?:children|kids) get nothing|a disabled woman keep\b|belong with their own kind)\b/g,
    view: 'deob',
    explain: 'Demeans disabled children or adults, or says they should be kept apart.',
    unless: REPORTED,
  },
  {
    id: 'hate.antisemitic-trope',
    // The old libels in new words: control, money, the echo brackets, Holocaust denial.
    re: /\(\(\(\s?[a-z][a-z' ]{0,24}\)\)\)|\b(?:jews?|jewish (?:families|parents|people|heads?|headteachers?|money)|zionists?)\b[^.!?\n]{0,30}\b(?:control|run|own|bankroll\w*|pulling the strings|always get (?:the|their)|in charge of everything)\b|\bzionist[- ]controlled\b|\b(?:always have|have) the same surnames\b|\bshylock\b|\bholocaust (?:never happened|(?:is|was) (?:a |all )?(?:lie|hoax|fake|made up|exaggerated))|\b6 million lies\b|\banne frank forgery\b|\btypical jew\b|\bthe money always finds its way\b|\bnever stop reminding us\b/g,
    view: 'deob',
    explain: 'An antisemitic trope: secret control, money, echo brackets or Holocaust denial.',
    unless: REPORTED,
  },
  {
    id: 'hate.replacement-talk',
    // White-nationalist talk in the writer's own voice: "we are being replaced", "remigration".
    re: /\b(?:remigrat\w*|great replacement|white genocide|kalergi|replace the replacers|(?:we|our (?:kids|children|people)|white (?:kids|children|people|pupils|families)|english (?:kids|children)|us)(?: are| is|'re)? being (?:replaced|erased|wiped out|bred out)|(?:celebrate|accept) their own (?:replacement|extinction)|mixed out of existence|miscegenation|14 words|fourteen words|rahowa|zog|(?:white|english|british) (?:kids|children|pupils|families|lads|schools?) only|(?:last|proper) white schools?|white britain's last|the invasion stops here|colonising us|(?:a )?minority in (?:their|our) own (?:country|schools?|town|classrooms?)|erasing us|swap it for theirs|less of us)\b/g,
    view: 'deob',
    explain:
      'White-nationalist talk: replacement, remigration or racial purity in the writer’s own words.',
    unless: REPORTED,
  },
  {
    id: 'hate.dodged-slur',
    // Slurs obscenity's list lacks, and the dress and food sneers that stand in for them.
    re: /\b(?:m[*#@]sl[i*]ms?|musl[*#@]ms?|j[*#@]g[a*]b[o0*]{1,2}s?|jigaboos?|bum ?boys?|maric[oó]n\w*|goat ?f[*#@u]c?k\w*|muslamic|mongrel (?:litter|kids|family)|(?:in their|wearing) tea ?towels|ninja outfit|bin ?bag brigade|full face nappy|rag (?:off|on) (?:her|his|their) heads?|curry (?:stench|stink|smell)|ghetto behaviou?r|limp wrists?|black as the ace of spades|refugee olympics|(?:gypsy|gypsies|roma|travell?er)s? (?:scum|thieves|scruffs)|thievin'? scruffs)\b/g,
    view: 'lower',
    explain: 'A slur, masked or plain, or a sneer at a group’s dress, food or looks.',
    unless: /\b(?:tea towels? (?:for|in the|from|sale|design)|drying up)\b/,
  },
  {
    id: 'hate.coded-emoji',
    // Emoji that stand for a group in a sneer: the nose for Jews, the pig and goat at Eid, the
    // skull for Islam, a burning mosque.
    re: /(?:surnames?|research|of course|typical|jew\w*|\u{1F4B0})[^\n]{0,40}\u{1F443}|\u{1F443}[^\n]{0,40}(?:surnames?|jew\w*|\u{1F4B0})|\u262A\uFE0F?\s*=\s*\u2620|\u{1F1EC}\u{1F1E7}\s*\u{1F525}\s*\u{1F54C}|\u{1F525}\s*\u{1F54C}|(?:eid|halal)[^\n]{0,40}(?:\u{1F410}|\u{1F437}|\u{1F416}|\u{1F953}|\u{1F43D})|(?:\u{1F410}|\u{1F437}|\u{1F416}|\u{1F43D})[^\n]{0,40}(?:eid|halal)/gu,
    view: 'lower',
    pre: /[\uD800-\uDBFF\u262A]/,
    explain: 'Emoji used as a coded sneer at a faith or people.',
  },
]

export const EXTREMISM_FAMILIES_4: Rule[] = [
  {
    id: 'extremism.attacker-praise',
    // The names attackers are praised by ("saint", "lion", "got it right"), and calls to copy.
    re: /\b(?:(?:saint|st\.?) (?:tarrant|elliot|alek|breivik|anders|roof)|(?:tarrant|breivik|anders|elliot rodger|rodger|minassian|hamilton|linkola|the taliban|bin laden|kaczynski|er)\b[^.!?\n]{0,20}\b(?:got it right|had the right idea|was right|were right|did nothing wrong|had a point|knew)|(?:christchurch|el paso|buffalo|utoya|columbine|dunblane|southport|manchester arena|london bridge|7\/7|9\/11)\b[^.!?\n]{0,40}\b(?:was a warning|was payback|only the start|saints?|hero(?:es)?|was justified|should be a school trip)|(?:shooter|gunman|bomber|guy|lads?|boy) (?:who|that) [^.!?\n]{0,40}\b(?:is|was|are|were) (?:a )?(?:lions?|saints?|heroes?)|(?:\d+|three|two) saints|the saints (?:knew|showed|did)|next saint|(?:go|going) er\b|beta uprising|supreme ?gentleman|the men who snapped|rank(?:s|ing)? (?:the )?shooters|the lions of|may allah accept (?:them|him)|meet the same end|what the teacher in (?:paris|arras) got)\b/g,
    view: 'deob',
    explain: 'Praises a terrorist or mass killer, or calls on others to copy them (Prevent duty).',
    unless:
      /\b(?:history (?:lesson|topic)|anniversary (?:service|of the)|memorial|minute's silence|vigil|rest in peace|victims? (?:of|families)|our thoughts)\b/,
  },
  {
    id: 'extremism.jihadist-codes',
    re: /\b(?:black banners?|flag of tawheed|tawheed flag|baqiyah|jihad (?:fi sabilillah|is fard|is the (?:only )?(?:cure|answer|way))|(?:hijrah|hijra) is fard|(?:democracy|voting) is (?:haram|shirk|kufr)|dar al-?harb|enemies of allah|k[*#@]ff[a*]r|kufr|land of the kuffar|no civilians in|awlaki|apostates? (?:should|must|deserve)|insults? the prophet\b[^.!?\n]{0,30}\b(?:deserves?|should|must)|cartoon of the prophet\b[^.!?\n]{0,60}\b(?:will get|get what|deserve)|allah will destroy|sell-out imams|help the sisters in sham|a dayouth|(?:the )?brothers in (?:syria|afghanistan|sham)|fighting videos)\b|\u{1F3F4}\s*\u261D/gu,
    view: 'deob',
    explain: 'Jihadist slogans, codes or calls (Prevent duty).',
    unless:
      /\b(?:re (?:lesson|homework)|lesson on islam|inner struggle|greater jihad|what does \w+ mean)\b/,
  },
  {
    id: 'extremism.far-right-codes',
    re: /\b(?:rahowa|wpww|white pride world ?wide|(?:it'?s|its) (?:ok|okay) to be white|sons of albion|europa awake|the youth will rise|future of the nation|no degenerates|the war is already here|(?:fitness|brotherhood)\. (?:brotherhood|nation)|white lads \d|patriotic youth|the awakening starts|deus ?vult|remove kebab|cultural marxis\w+|kalergi|miscegenation|white milk only|celtic cross(?:es)?|death's head|homeland youth|88 (?:to all|lads|from)|hunt season|lion of england|occupied country|getting the lads ready|welcome to the fight|brits out)\b|(?:^|[.!\u{1F1E7}\u2694\u26A1]\s*)14\s*$|\bh h \u{1F44B}/gmu,
    view: 'deob',
    explain: 'Far-right codes and slogans: numbers, emoji and phrases used to signal the movement.',
    unless:
      /\b(?:history (?:lesson|topic)|ww2|world war|crusades? (?:topic|lesson|project)|win|won|cup|match|lightning|season)\b/,
  },
  {
    id: 'extremism.ss-bolts',
    // Two lightning emoji are the SS runes when the post is about race or nation, and a team's
    // badge otherwise.
    re: /\u26A1\s*\u26A1/gu,
    view: 'lower',
    needs:
      /\b(?:white|reich|hail|nation|race|unity|14|88|patriots?|youth|cause)\b|\u{1F1EC}\u{1F1E7}/u,
    explain: 'The SS lightning runes, typed as emoji, in a post about race or nation.',
    unless: /\b(?:win|won|cup|match|lightning|season|league|storm|weather|thunder)\b/,
  },
  {
    id: 'extremism.call-to-act',
    // Calls to turn talk into action against schools, staff or "invaders".
    re: /\b(?:stop (?:typing|posting)[^.!?\n]{0,20}\bstart (?:acting|visiting)|(?:start|go) visiting these schools|bring the petrol\b(?! station)|no more hotels|stand up or be erased|invaders are already here|handing the country over|not long now lads|this is how they finish us|flood the country|when the patriots rise|patriots only|recon trip|collaborators (?:get|will|deserve)|next time it won't be a hotel|southport riots|(?:people's|peoples) tribunals?|nuremberg ?2|lamppost for every|(?:she|he|they)(?:'ll| will| shall) (?:swing|hang)(?=[.!]|\s*$| and | for (?:it|this|what))|(?:climate|race) war|direct action,? no limits|only sabotage works|treating the drivers like the combatants|(?:can't|cannot) be reformed,? only collapsed|accelerate[.!]|the only language the tyrants|#?defendourchildren|#?defendourkids|stopthegreatreplacement|#whitelivesmatter|#?remigrationnow|(?:defend|protect) our children\b[^\n]{0,40}\bby any means)/gu,
    view: 'deob',
    explain:
      'A call to move from words to action against a school, its staff or a group (Prevent duty).',
    unless: /\b(?:history (?:lesson|topic)|ww2|world war|nuremberg trials? (?:topic|lesson))\b/,
  },
]
