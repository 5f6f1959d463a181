// Runs in: main process / CLI (Node). Fourth round of threat concepts: the shapes writers use
// that the earlier families never saw (sets written apart from the engine).
//
// Each family keeps a frame that points at a person or their property: a wait for someone in
// dialect spelling, a grave emoji by a name, knowing someone's car or haunts, "can't hide
// forever", a fire or wrecking aimed at a building or car, a gang or petrol brought along, the
// end of being polite, an address or number posted with an invitation. Idiom, sport, a parent's
// own child and news of a past incident stay out through each rule's `unless` and threat-not.ts.
import type { Rule } from './util'

// Pointers at a person, in text and dialect spellings.
const HIM = "(?:you|u|ya|ye|yous|youse|him|'im|her|'er|them|'em)"
const ILL =
  "(?:i'll|ill|i will|ah'll|a'll|al|i'm gonna|im gonna|i'm going to|im going to|i am going to|gonna|we'll|we will|we're gonna|we are going to|i swear i'll|i'd)"
// Personal data that makes an invitation to "have a word" a pointer at someone's door.
const WHEREABOUTS =
  /\b(?:\d{1,4}[a-z]? [a-z]+ (?:road|rd|street|st|lane|close|way|avenue|ave|drive|crescent|rise|grove|gardens|terrace|place|court|mews|hill|row|walk|park)|[a-z]{1,2}\d{1,2}[a-z]? \d[a-z]{2}|[a-z]{2}\d{2} ?[a-z]{3}|(?:\+44 ?|0)7\d{3} ?\d{3} ?\d{3}|oh seven|lives? (?:on|at|in|near|behind|round|by|opposite)|(?:home )?address|number \d+|house with the|(?:wife|husband|partner) works at|works at the|drives (?:a|the)|parks (?:on|in|at|by)|reg(?:istration)? (?:is|plate|number)?|which gym|(?:drives?|walks?|cycles?|runs?) home|(?:blue|red|black|white|green|yellow) (?:door|van|car))\b/

export const THREAT_FAMILIES_4: Rule[] = [
  {
    id: 'threat.wait-for-dialect',
    // "ah'll be waitin on him", "I'll be waiting when he comes out": waiting spelt as spoken.
    re: new RegExp(
      `\\b${ILL}\\s+be\\s+(?:waitin[g']?|waiting)\\s+(?:on\\s+${HIM}|for\\s+${HIM}(?=\\s*(?:[.!,]|$|at|outside|after|when|by|the morra|tomorrow|tonight))|when (?:he|she|they|you|u) (?:comes?|gets?|walks?|leaves?|finish(?:es)?)\\b)|\\b(?:ah'll|a'll|ah'm|am) (?:be )?(?:at|outside) (?:they|thae|the|them|yon) gates?\\b`,
      'g',
    ),
    view: 'deob',
    explain: 'Says they will be waiting for a person, in whatever spelling: an indirect threat.',
    unless:
      /\b(?:reply|response|answer|call|email|letter|bus(?! stop)|results?|apology|refund|collect\w*|pick(?:ing)? (?:him|her|them) up|nephew|niece|grandson|granddaughter|banner|balloons|hug|cake)\b/,
  },
  {
    id: 'threat.grave-emoji',
    // A coffin or a headstone next to a person, or "rip in advance": a death wished on someone.
    re: /\b(?:mr|mrs|ms|miss|sir|teachers?|head|deputy|you|ur|u)\b[^\n]{0,60}(?:\u{1FAA6}|\u26B0)|(?:\u{1FAA6}|\u26B0)[^\n]{0,40}\b(?:you|ur|u|mr|mrs|miss|ms|teachers?|head)\b|\brip in advance\b|\bsoon to be (?:deceased|dead|late)\b/gu,
    view: 'deob',
    explain: 'A coffin or headstone aimed at a named person, or a death wished in advance.',
    unless: /\b(?:phone|battery|laptop|printer|hamster|goldfish|fish|pet|my (?:diet|sleep|bank))\b/,
  },
  {
    id: 'threat.knows-car-or-haunts',
    // Knowing someone's car, route, plate, gym or pub is said only to frighten them.
    re: new RegExp(
      `\\b(?:i|we|they|people|i've|we've|i have|we have|my \\w+|everyone)\\b[^.!?\\n]{0,30}\\b(?:know|knows|kno|no|noted|clocked|written down)\\b\\s+(?:(?:your|ur|yer|her|his|'is|their|the head's) (?:car|van|motor|route(?: home)?|reg|registration|number plate|plate|merc|audi|range rover|gym|local|bus stop|walk home|way home)\\b|where (?:you|u|she|he|they) do (?:your|ur|her|his|their) (?:shopping|shop)\\b|which (?:pub|gym) (?:you're|ur|she's|he's|they're) in\\b|which (?:car|one) is (?:yours|hers|his|theirs)\\b|(?:where|were|wer|which (?:gym|pub|church|shop|club|gym class)) (?:you|u|she|he|'e|they) (?:drinks?|trains?|runs?|jogs?|walks?|park|parks?|works?|shops?|drops?)\\b|which (?:gym|pub|church|club|class) (?:you|u|she|he|'e|they) (?:goes|go)\\b|(?:what|which) (?:car |van )?(?:you|u|she|he|they) drives?\\b|where the (?:head|deputy|teacher|senco|caretaker|ta)\\b[^.!?\\n]{0,30}\\blives?\\b)`,
      'g',
    ),
    view: 'deob',
    explain: "Says they know a person's car, plate, route or haunts: an indirect threat.",
    unless:
      /\b(?:lights on|left (?:your|her|his) lights|blocking|fundraiser|lift share|car share|insurance|mot\b|for sale)\b/,
  },
  {
    id: 'threat.cant-hide',
    re: /\b(?:can't|cant|cannot|can not|won't be able to) hide (?:behind [^.!?\n]{0,30})?(?:forever|for ever|for long|from (?:me|us))\b|\b(?:fence|gates?|glass|lawyers?|police|office|staff ?room|governors|badge|lanyard) (?:won't|wont|will not|can't|cannot) (?:save|protect|help) (?:you|u|her|him|them)\b|\bthinks? (?:you're|youre|ur|you are|she's|he's|they're) safe (?:behind|in|at|because)\b/g,
    view: 'deob',
    explain: 'Tells someone they cannot hide or are not safe: an indirect threat.',
  },
  {
    id: 'threat.youre-dead',
    // "ur ded", "yer deid", "you're dead when I see you": death promised, not a tired complaint.
    re: /\b(?:ur|u r|you're|youre|yer|ye're|you are|he's|hes|she's|shes)\s+(?:so |fucking |fkn |actually |proper )?(?:ded|deid)\b|\b(?:ur|u r|you're|youre|yer|you are|he's|she's|hes|shes) (?:dead|ded|deid|a dead (?:man|woman)) (?:when|wen|once|if|the minute|the second) (?:i|we|my)\b|\b(?:you're|youre|ur|he's|she's) a dead (?:man|woman) walking\b/g,
    view: 'deob',
    explain: 'Tells a person they are dead (in any spelling): a threat.',
    unless: /(?:😂|🤣|\blol\b|\blmao\b|\bfunny\b|\bhilarious\b|\btired\b|\bexhausted\b)/u,
  },
  {
    id: 'threat.getting-it',
    // "he's gettin it", "ur getting it at the park": a beating promised without the word.
    re: /\b(?:you're|youre|ur|u r|you are|he's|hes|he is|she's|shes|she is|they're|theyre|they are) (?:gettin[g']?|gonna get|going to get|gunna get|gonna gettit) it\b(?=\s*(?:[.!]|$|,? ?(?:at|after|when|tonight|the morra|proper|properly|big time|an that|mate|bruv|fam)\b))|\b(?:gets?|getting|gonna get|going to get|will get|gon get|ur gonna get|is gonna get) (?:merked|wet up|shanked|ironed out|deaded|stretched|banged up|bodied irl|done in)\b/g,
    view: 'deob',
    explain: 'Says a person is "getting it" or will be stabbed or beaten, in slang.',
    unless:
      /\b(?:present|gift|birthday|christmas|parcel|delivery|for free|voucher|prize|game|fortnite|fifa|minecraft|roblox|cod|warzone|online|ps5|xbox)\b/,
  },
  {
    id: 'threat.watch-yourself',
    // Advice to vary a route or watch oneself, said to or about a named person.
    re: /\b(?:start |better |should |might want to |ought to )?(?:vary|varying|change|changing) (?:her|his|your|ur|their) (?:route|routes|routine|way home|journey home)\b|\bwatch (?:'isself|isself|hisself|himself|'erself|herself|yerself|urself|theirselves|themselves)\b|\b(?:better|should|want to|wants to|needs to) keep (?:your|ur|her|his|their) (?:kids|children|family|little ones|wife|husband) close\b|\b(?:sleep|rest) well\b[^.!?\n]{0,10}\bwhile (?:u|you|ye|they|she|he) can\b/g,
    view: 'deob',
    explain: 'Warns a person to vary their route or watch themselves: an indirect threat.',
    unless:
      /\b(?:video|recording|film|footage|on (?:tv|screen)|in the mirror|cold|flu|virus|nits|weather|ice|icy|roadworks|diversion|traffic)\b/,
  },
  {
    id: 'threat.end-you',
    re: new RegExp(
      `\\b${ILL}\\s+(?:end|finish|finish off|destroy|bury|do for)\\s+${HIM}(?: all| off)?(?=\\s*(?:[.!,?]|$|if\\b|when\\b|i swear|bruv|mate|for (?:good|this|that|what)))|\\bwill destroy you all\\b`,
      'g',
    ),
    view: 'deob',
    explain: 'Says they will end, finish or destroy a person.',
    unless:
      /\bmy (?:little |big |younger |older )?(?:brother|sister|husband|wife|dh|ds|dd|son|daughter|cat|dog) (?:ate|has|keeps|took|put|used|broke|drank|finished|left|hid)\b|\b(?:rematch|sports day|quiz|match|game|tug of war|race|netball|football|rounders|chess|scrabble|monopoly|mario ?kart|fortnite|fifa|debate|bake ?off|spelling bee)\b/,
  },
  {
    id: 'threat.arson-wreck',
    // A school, office or car set alight or wrecked, in any tense, spelling or person.
    re: /\b(?:torching|torched|burning|firebombing|petrol bombing|set(?:ting)? (?:fire|light) to)\s+(?:the|that|this|their|her|his|your|ur)\s+(?:office|school|staff ?room|building|place|minibus|car|van|house|classroom|hall|portakabin|nursery|gates?|merc|audi)\b|\bburn(?:ing)?\s+(?:i-?t|the lot|the place|the whole (?:\w+ )?|them|that school|the school|their school)\s*down\b|\bsets? (?:the|that|this|their|her|his|your) (?:\w+ )?(?:school|office|building|car|van|house|classroom|staff ?room|minibus|place) on fire\b|\b(?:it|school|building|place)\s+(?:will|is going to|gonna|'ll) (?:be )?(?:blown up|burn(?:ed|t)? down|bombed)\b|\bnext time (?:it'll|it will|it's|its) be (?:the|your|her|his) (?:building|school|house|car|office|staff ?room)\b|\benjoy (?:ur|your|her|his|their) (?:car|house|windows|face|teeth) while\b|\bwhile (?:it's|its|it has) (?:still )?got (?:paint|windows|tyres|wheels)\b|\b(?:paint stripper|brake fluid|bleach|acid)\b[^.!?\n]{0,20}\b(?:on|over|across|for|down) (?:her|his|their|your|ur|the head's|\w+'s) (?:car|merc|audi|van|motor|bonnet|range rover|face)\b|\bpaint stripper for (?:her|his|their) car\b|\b(?:your|ur|her|his|their|the) windows (?:go|going|will go|gonna go|are going|get) in\b|\bdelete (?:your|ur|her|his|their) (?:windows|car|windscreen|tyres)\b|\b(?:off|of) (?:its|it's|the) hinges\b(?=\s*(?:[.!]|$))|\b(?:mirrors|wipers|tyres) (?:are|is) coming off\b|\blet (?:the air )?(?:out(?:ta)?|out of|down) (?:(?:mr |mrs |miss |ms )?\w+'s |her |his |their |your |ur |the head's )?tyres\b|\blet (?:all (?:four|4) |her |his |their |your )tyres (?:down|out)\b|\b(?:not|won't be|wont be|will not be|can't be|cannot be|i'm not) (?:held )?responsible for what (?:happens|happen|might happen|could happen) to\b|\b(?:someone|somebody|we|they)(?:'s| is| are|'re)? (?:going to|gonna) do the (?:school )?(?:minibus|car|van|office|windows|staff ?room)\b|\b(?:can|tin|jerry ?can) of petrol\b|\bpetrol and (?:a )?(?:lighter|matches|rags)\b/g,
    view: 'deob',
    explain: 'Threatens to burn or wreck the school, an office or someone’s car.',
    unless:
      /\b(?:bonfire night|fireworks|bake|oven|candle|calories|fire drill|bbq|barbecue|forest school|mower|lawnmower|generator|petrol station|price of petrol|fuel prices?|the film|the book|in the story|news|police said|court)\b/,
  },
  {
    id: 'threat.bring-gang-or-weapon',
    // Bringing a gang, petrol, bricks or a bat along: a visit that is not for talking.
    re: /\b(?:bring|bringing|i'll bring|brought|fetch|fetching)\s+(?:the |some |a few |me |my )?(?:petrol|bricks|a brick|a bat|the bat|bats|baseball bats?|cricket bats?|a lighter|lighters|the paint stripper|paint stripper|a crowbar|crowbars|a hammer|the hammer|a knife|knives|blades?|a machete|the dogs|the dog)\b|\b(?:i'm|im|i am|we're|we are|i'll be|we'll be)\s+(?:bringing|fetching|coming with)\s+(?:the|my|our|a few|some|me)\s+(?:lads|boys|brothers|cousins|mates|uncles|family)\b(?=\s*(?:[.!]|$|down|round|up|with|too|and see))|\bwith a (?:bat|cricket bat|baseball bat|hammer|crowbar|knife|machete|brick|blade)\s*[.!]|\b(?:with|and) (?:me|my|the) (?:lads|boys|brothers|cousins)\b(?=[^.!?\n]{0,30}\b(?:sort|deal with|have a word|pay (?:him|her|them) a visit|see (?:him|her|them)|find (?:him|her|them))\b)|\bbring (?:your|ur) mates,? (?:i'll|ill|and i'll) bring mine\b|\bbring (?:your|ur) (?:husband|mates|brothers|dad|boyfriend)\b[^.!?\n]{0,20}\b(?:you'll need|youll need|ull need)\b/g,
    view: 'deob',
    explain: 'Says they will bring a gang, petrol or a weapon to confront someone.',
    unless:
      /\b(?:says|said|told|telling (?:people|everyone)|threatening|overreacting|aware|forest school|dt lesson|design and technology|woodwork|science|rounders|cricket|baseball|match|training|practice|pe kit|bbq|barbecue|bonfire|camping|craft|fancy dress|costume|props?|the play|nativity|dog show|walk(?:ies)?|vet|lawn ?mower|mower)\b/,
  },
  {
    id: 'threat.done-talking',
    // The end of words: "done being polite", "not come for talking", "won't be with a letter".
    re: /\b(?:i'm|im|i am|we're|we are|i've|we've|i have|we have)\s+(?:done|finished|through)\s+(?:with\s+)?(?:being|playing)\s+(?:polite|nice|reasonable|patient|civil|calm)\b|\bnot (?:come|coming|here|going) (?:for|to) (?:talk|talking|a chat|chatting|words)\b|\b(?:won't|wont|will not|not) be (?:with|bringing|carrying) a (?:letter|email|complaint|petition|pen)\b|\b(?:i|we) (?:won't|wont|will not) be (?:reasonable|polite|nice|civil|so nice|so polite) (?:next time|any ?more|again|this time)\b|\bnext (?:week|time|monday|friday) i (?:won't|wont|will not) be (?:reasonable|polite|nice|civil|calm)\b|\btime to (?:do|sort|settle|deal with) (?:it|this|things|him|her|them) (?:the old[- ]fashioned way|ourselves|myself|my way|our way)\b|\bphysically,? if (?:i|we) (?:have|need|must) to\b|\bso now it's personal\b|\bnow (?:it's|its|it is) personal\b/g,
    view: 'deob',
    explain: 'Says the time for talking is over: what comes next is not words.',
    unless: /\b(?:film|movie|trailer|book|season|episode)\b/,
  },
  {
    id: 'threat.what-deserves',
    re: /\b(?:give|giving|gives|show|teach) (?:her|him|them|that \w+|the \w+) what (?:she|he|they)(?:'s|'ve| has| have)? (?:deserves?|(?:got|has got|have got) coming)\b|\b(?:now|soon|then) (?:she|he|they|you|u)(?: can| will|'ll| gets? to) (?:see|find out|know) what(?:'s| is) coming\b|\b(?:you|u) (?:will|'ll|shall) see what (?:happens?|will happen|i do|we do) to (?:you|u)\b|\bsee what happen to (?:you|u)\b|\b(?:will|'ll|gonna) have me to answer to\b|\bteach (?:her|him) some respect\b|\b(?:she|he|they)(?:'ll| will) wish (?:it had been|(?:she|he|they) (?:had|hadn't|never))\b|\b(?:won't|wont|will not|never) see (?:me|us) coming\b/g,
    view: 'deob',
    explain: 'Promises a person "what they deserve" or "what’s coming": a veiled threat.',
    unless: /\b(?:award|prize|certificate|star of the week|praise|treat|reward)\b/,
  },
  {
    id: 'threat.dox-invite',
    // Where someone lives, parks, works or can be rung, posted with an invitation to act on it.
    re: /\bin case (?:anyone|anybody|any of you|any (?:parents?|mums?|dads?)|someone|somebody|you) (?:\w+ )?(?:wants?|fancies|fancy|feels? like|needs?)\b|\b(?:everyone|every (?:parent|mum|dad)|you all|the whole \w+|now \w+)\b[^.!?\n]{0,40}\bknows? where to find (?:her|him|them)\b|\bhave fun\s*[.!]*\s*$|\bjust saying\b|\bdo (?:with (?:that|it|this) )?what (?:you will|you like|you want|you wish)\b|\bdraw your own conclusions\b|\b(?:ring|call|text|phone|message|email) (?:her|him|them|it|mr \w+|mrs \w+|miss \w+|ms \w+)\b[^.!?\n]{0,20}\b(?:and )?(?:tell|ask|let)\b|\bif anyone fancies\b|\basking for (?:a friend|some (?:dads|mums|parents|mates)|a mate)\b|\bleave it with me\b|\byou know what to do\b|\bthought you'd like to know\b|\b(?:she's|he's|they've|she has|he has) got kids too\b/gm,
    view: 'deob',
    explain: 'Posts where someone lives, parks or can be reached and invites others to act on it.',
    needs: WHEREABOUTS,
    unless:
      /\b(?:someone|somebody|one of the (?:dads|mums|parents)|a (?:dad|mum|parent)) (?:has |had )?(?:just )?posted\b|\btelling (?:people|everyone)\b|\bis this a police\b|\bscreenshot\w*|\b(?:hanging round|the man in|man who|slag|loser|freak|stinks|fancies a go|leaflets)\b|\b(?:lost|found|lights on|raffle|tombola|fayre|fair|cake|bake sale|handed in|reception|collection point|for sale|lift|car share|ofsted|inspection)\b/,
  },
  {
    id: 'threat.countdown-emoji',
    // A school or its staff, a day or a countdown, and fire, a firecracker or bricks: a plan.
    re: /\b(?:primary|school|academy|infants|juniors|car park|staff|teachers|nativity|rc)\b[^\n]{0,40}(?:\u{1F9E8}|\u{1F9F1}|\u23F3)|(?:\u{1F9E8}|\u{1F9F1})[^\n]{0,40}\b(?:primary|school|academy|infants|juniors|staff|teachers)\b|\b(?:primary|school|academy|infants|juniors|car park|staff|teachers|nativity)\b[^\n]{0,40}\u{1F525}[^\n]{0,30}\b(?:soon|countdown|not yet|while (?:u|you|they) can|front row)\b|\b(?:countdown started|countdown has started|not yet\))|\bbig fire at\b/gu,
    view: 'deob',
    explain: 'A school or its staff with a countdown and fire or explosive emoji.',
    unless:
      /\b(?:bonfire|fireworks|firework|disco|party|concert|science|chemistry|experiment|results|sats|lego|minecraft|build|building blocks|jenga|sale|offer|tickets|advent|christmas countdown|countdown to (?:christmas|summer|half term|the holidays|sports day))\b/,
  },
  {
    id: 'threat.harm-slang',
    // Harm promised in text-speak or dialect the other families do not read.
    re: /\b(?:i'll|ill|i will|gonna|i'm gonna|im gonna|we'll)\s+(?:brake|break|snap) (?:ur|yer|your|his|her|their|every) (?:\w+ )?(?:legs?|arms?|neck|jaw|nose|fingers?|bones?)\b|\b(?:gonna|going to|will|'ll) bleed\b(?=[^.!?\n]{0,20}(?:and so|too|\.|$))|\bsnitches (?:\w+ ){0,4}(?:get|gets) stitches\b|\bgo(?:ing|in'?)? home in (?:pieces|bits)\b|\bcarr(?:y|ying|ied) (?:\w+ ){0,6}out (?:\w+ ){0,4}in an? (?:box|body bag|coffin)\b|\btake (?:my|a|the) (?:walking stick|stick|belt|bat|cricket bat|hammer|crowbar) to (?:him|her|you|them|the|that)\b|\b(?:he'll|she'll|you'll|he will|she will|you will) lose (?:the|that|a|your|his|her) (?:hand|fingers?|teeth|eye)\b|\bi (?:don't|dont|do not) make threats,? (?:i make )?promises\b|\b(?:a )?(?:wee bit of a |good |proper )?hiding (?:wouldn't|would not|wouldnt) go (?:amiss|astray)\b|\bmash up (?:di|de|the) (?:whole )?(?:office|school|place|teacher)\b|\b(?:pickin[g']?|pick) (?:his|her|their|yer|your) teeth (?:up )?(?:aff|off) the (?:flair|floor|flerr)\b|\b(?:i|we)\s{2,}(?:will|wil)\s{2,}(?:hurt|kill|stab|find|get|end)\s{2,}(?:you|u|her|him|them)\b|\bbetter (?:hope|pray) (?:i'm|im|i am|we're) not the one\b|\b(?:better|should) (?:hope|pray) (?:i|we) (?:don't|dont|never|do not) (?:see|find|catch|meet)\b|\b(?:u|you|she|he) better hope (?:ur|your|her|his) (?:car|house|van) is insured\b|\b(?:she|he|they|you|u)(?:'s|'re| is| are) on borrowed time\b|\b(?:lucky (?:she|he|they|you) (?:hasn't|haven't|hasnt|havent|didn't|didnt) (?:met|seen|bumped into) me|(?:man's|he's|she's|you're|ur) lucky (?:i|we) (?:wasn't|weren't|wasnt) there)\b|\b(?:i|we) drive past (?:his|her|your|ur|their) (?:house|home|door|place)\b|\b(?:she|he|they|you|u) (?:will not|won't|wont|will never) forget me\b|\b(?:family|she|he|they|you) will know me\b|\b(?:u|you) (?:dont|don't|do not) know who (?:his|my|our|her) family (?:is|are)\b|\b(?:heard|hear) all about you\b|\b(?:i'll|ill|i will) put (?:mine|my hands) on (?:her|him|them|you)\b|\byou(?:'d| had)? better run\b(?=\s*['"\u2019.!]|\s*$)|\b(?:\d+|two|five|ten) (?:minutes?|mins?|doors?|streets?) from (?:ur|your|her|his) (?:house|home|door)\b|\b(?:see|let's see) if (?:\w+ ){0,2}(?:is|he's|she's|'s|they're|you're) (?:so |as |still so )?(?:brave|tough|hard|gobby)\b|\b(?:i'll|i will|we'll|we will) find out who (?:you|u) (?:are|is)\b|\bgod help (?:them|him|her|you|whoever)\b|\b(?:dogs?|dog) set on (?:him|her|them|you)\b|\bset (?:the|my) dogs? on\b|\band (?:her|him|them) with it\b|\b(?:would|will|it'd) be (?:so |very |a )?(?:sad|shame|pity) if (?:it|ur|your|her|his) [^.!?\n]{0,30}\b(?:scratch\w*|keyed|dent\w*|flattened)\b|\brip (?:that|the|her|his) \w+ off (?:her|his) head\b|\bdrag (?:it|him|her|them) out (?:myself|by (?:the|her|his))\b|\bhope (?:someone|somebody) does (?:the same )?to (?:her|his|their|your) (?:kids|children|son|daughter)\b|\b(?:that|your|ur) smile won't last\b|\bgood luck getting home (?:tonight |safely )?(?:mr|mrs|miss|ms|sir)\b|\bshould be (?:sent|put|thrown) (?:to|in|into) the (?:ovens|gas chambers?|camps)\b|\b(?:i'll|i will) be visiting (?:each|every one|all) of (?:those|the|them|you)\b|["'\u2018\u201c]accidentally["'\u2019\u201d] (?:revers\w*|driv\w*|box\w*|run\w*|ran|knock\w*|scratch\w*|key\w*|spill\w*|drop\w*|bump\w*|let\w*|lock\w*) (?:into|over|in|on|down|out)\b/g,
    view: 'deob',
    explain: 'Promises harm in slang, dialect or a veiled phrase ("snitches get stitches").',
    unless:
      /\b(?:because|won't tell|scared|retir\w*|leaving|leavers?|farewell|goodbye|we'll miss|will be missed|class of|the film|the song|the book|lyrics?|rugby|football|fell|tripped|nosebleed)\b/,
  },
  {
    id: 'threat.extremist-menace',
    // Attacks held up as a model for a school, or a school named as the next battlefield.
    re: /\b(?:the )?(?:next|another) saint\b|\b(?:the )?saints (?:knew|showed|did it|got it right)\b|\b(?:3|three|\d) saints\b|\bmeet the same (?:end|fate)\b|\bget what the (?:teacher|man|woman|head) in \w+ got\b|\b(?:won't|wont|will not) be standing (?:come|by|after|next)\b|\banyone who\b[^.!?\n]{0,60}\bwill be (?:found|hunted|dealt with)\b|\b(?:our (?:boys|lads|men)|we) will\.?\s+watch this space\b|\bstop (?:posting|typing|talking),? (?:and )?start (?:acting|visiting|doing)\b|\b(?:schools?|teachers) (?:will|are going to) (?:be )?(?:next|the first to (?:fall|go|burn))\b|\bday of (?:retribution|reckoning) is coming\b|\bno civilians\b|\bonly language (?:they|the \w+) understand is (?:the )?(?:sword|violence|bullets?|the rope)\b|\bpa(?:id|y) (?:these|those|the) (?:places|schools) a visit\b|\b(?:schools?|classrooms?|school gates) (?:is|are) the battlefield\b|\b(?:will )?answer for it when the time comes\b|\b(?:the )?teachers answer first\b|\btreat(?:ing)? (?:the|them|these) \w+ like (?:the )?combatants\b|\btakes? it as an invitation\b|\b(?:are|is) watching the (?:\w+ )?schools\b|\b(?:she'll|he'll|they'll) swing\b(?=\s*(?:[.!,]|and\b|$))/g,
    view: 'deob',
    explain: 'Holds up an attack as a model, or names a school as the next target.',
    unless:
      /\b(?:football|rugby|match|fixture|southampton|st albans|history lesson|in history|documentary|the film|remembrance|swings?|playground|park)\b/,
  },
  {
    id: 'threat.veiled-harm',
    // Harm named by its means or its aftermath, outside the phrasings the other families read.
    re: /\b(?:you|u|she|he|they)(?:'ll| will) be (?:very |so |really )sorry\b|\bcheck under (?:his|her|their|your|ur) cars\b|\bput (?:every one of |all )?(?:your|ur|her|his|their|the) windows in\b|\blined up (?:against|agin) (?:a|the) wall\b|\b(?:brick|bricks|rock|petrol bomb) (?:thru|through) (?:the|her|his|their|your|ur) (?:\w+ )?(?:window|windows|windscreen|door)\b|\bburn(?:s|ed|t)? down with\b[^.!?\n]{0,30}\binside\b|\bset (?:his|her|their|your|ur|the head's) \w+ alight\b|\b(?:house|thatch|roof|shed|building|school|car|van|place)\b[^.!?\n]{0,15}\b(?:goes|go|going|can go|would go|went) up (?:quick|quickly|fast|easy)\b|\bthere(?:'ll| will) be a body\b|\b(?:someone|somebody|people|parents|we) (?:should|ought to|need to|needs to) pay (?:\w+ ){0,4}a (?:little |friendly |proper )?visit\b|\bsomeone followed (?:her|him) home\b|\bsentence to be carried out\b|\b(?:want|wants|make sure|see) (?:her|him|them) (?:to )?get what (?:she|he|they) deserves?\b|\bthere(?:'s| is) a (?:device|bomb) (?:in|at|under|inside)\b|\bpipe ?bombs?\b|\bcatch (?:him|her|them|you|u) lackin[g']?\b|\b(?:gonna|going to|i'll|ima|imma) smoke (?:him|her|them|you|u|the next (?:person|one|kid))\b|\bwalk (?:back )?to (?:the|your|her|his) car in the dark\b/g,
    view: 'deob',
    explain: 'Names harm to a person or their property by its means or aftermath.',
    unless:
      /\b(?:museum|ww2|wwii|war time|wartime|history|news|police said|court|in the film|fortnite|warzone|game|vape|weed|cigarettes?|bbq|bonfire night)\b/,
  },
]
