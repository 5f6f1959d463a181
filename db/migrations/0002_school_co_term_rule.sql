-- 0002: when a school's name needs a co-term (town, local authority, URN, postcode district) nearby to count.
-- 'auto' asks for one only for ambiguous names (saint names, one-word or common-word names).
ALTER TABLE schools ADD COLUMN co_term_rule TEXT NOT NULL DEFAULT 'auto'
  CHECK (co_term_rule IN ('auto', 'always', 'never'));
