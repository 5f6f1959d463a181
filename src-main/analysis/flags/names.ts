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
