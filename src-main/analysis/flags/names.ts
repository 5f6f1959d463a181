// Runs in: main process / CLI (Node). Common given names of children in England and Wales (ONS
// baby-name lists, 2005–2020), so "Year 6 Leavers" is not read as a child's name but "Year 6 Mia" is.
export const GIVEN_NAMES = new Set(
  (
    'oliver george harry jack jacob noah charlie muhammad mohammed thomas oscar william james leo alfie henry joshua freddie ' +
    'archie ethan isaac alexander joseph edward samuel max daniel arthur lucas mohammad logan theo harrison benjamin mason ' +
    'sebastian finley adam dylan zachary riley teddy theodore david toby jake louie elijah reggie luca tommy jaxon hugo ' +
    'frankie albie ollie harvey tyler jayden liam matthew aaron ryan lewis kai callum connor jamie ben sam tom dan joe ' +
    'luke owen evan rory ronnie stanley jude elliot elliott jenson rowan ezra bobby billy jesse louis caleb kian nathan ' +
    'michael kyle ellis blake alex charles patrick sonny ralph felix rhys aidan jasper otis jackson reuben ibrahim ali omar ' +
    'yusuf hamza ahmed ayaan aarav arjun rohan dev vihaan krish kacper jakub oliwier filip szymon mateusz ' +
    'olivia amelia isla ava emily isabella mia poppy ella lily sophia sophie grace evie ivy freya florence willow rosie ' +
    'sienna daisy phoebe evelyn millie harper elsie charlotte jessica alice ruby matilda isabelle scarlett chloe emma ' +
    'hannah holly lucy lola eva layla maisie molly megan amber erin imogen lexi ellie elizabeth zara maya aria aisha ' +
    'fatima maryam hafsa zainab amira ayesha ananya priya anaya nina lena zofia julia hanna lilly esme thea luna maddison ' +
    'madison georgia katie leah abigail bella hollie jasmine paige summer skye beatrice violet darcy darcie harriet ' +
    'martha edith mabel iris aurora penelope eliza nancy ada hallie margot orla niamh caitlin keira kayla tia courtney ' +
    'jade lauren rebecca sarah amy laura chelsea bethany shannon abbie ellie-may lily-mae ivy-rose'
  ).split(/\s+/),
)

// Names common in England's classrooms that the ONS top lists under-represent (South Asian,
// West African, Eastern European and hyphenated forms): a named child is a named child.
for (const n of (
  'zain zayn ayaan aryan rayan ibrahim yusuf yousef omar ali hamza bilal hassan hussain imran ' +
  'kabir arjun rohan dev krish veer ishaan aarav vihaan rahul sahil amir idris zakariya musa ' +
  'kwame kofi tobi tobenna chidi emeka femi tunde kayode dami ayo jamal tyrese tyreke deshawn ' +
  'jermaine marcus malachi kai kian keanu rio jakub kacper szymon filip mateusz oliwier antoni ' +
  'bartek aleksander nikola luka andrei stefan mihai darius vlad tomas lukas aisha ayesha amira ' +
  'amara zara zahra maryam fatima khadija hafsa inaya anaya alisha priya anika aanya saanvi ' +
  'diya riya myra kiara amelia-rose ruby-mae lacey-mae tiana shanice chantelle destiny precious ' +
  'blessing favour adaeze chioma funmi temi tolu zuzanna julia zofia hanna maja oliwia lena ' +
  'natalia alicja wiktoria amelie nadia yasmin leila layla lila noor sana bobby frankie jesse ' +
  'ronnie stanley albie ezra rory ollie tommy billy sonny jax jaxon brody kaden kayden lewis ' +
  'callum connor kieran liam sean declan maisie poppy darcey tilly evie esme isla-rose lottie ' +
  'millie mollie nell pippa rosie sienna willow harper'
).split(' '))
  GIVEN_NAMES.add(n)
