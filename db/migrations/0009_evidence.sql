-- 0009: moderation after approval. A removal notice on a comment can carry what happens to the
-- original comment once the head approves: hidden or deleted through the connector (Facebook Page,
-- Instagram), or by hand elsewhere. It is part of what the head approves, so it can change only while
-- the draft is a draft (the service enforces it with a conditional UPDATE).
ALTER TABLE drafts ADD COLUMN moderation TEXT
  CHECK (moderation IS NULL OR moderation IN ('hide', 'delete'));
