// The tests' usual school. Free of Vitest, so child processes (the crash tests' worker) can use it too.
export const SCHOOL = {
  name: "St Aldhelm's C of E Primary School",
  urn: '990417',
  town: 'Hollinbury',
  localAuthority: 'Westmarch Council',
  postcode: 'hb4 2qt',
  aliases: ["Aldhelm's"],
  staff: [{ title: 'Mrs', name: 'Helen Okafor', role: 'Headteacher' }],
}
