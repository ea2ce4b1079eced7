-- AO3's chapter end notes: the author's notes after a chapter's text, shown after it. Imports
-- before this kept them after the chapter's opening notes, labelled "Chapter end notes: ".
ALTER TABLE chapters ADD COLUMN end_notes TEXT;
UPDATE chapters
   SET end_notes = substr(notes, position('Chapter end notes: ' IN notes) + 19),
       notes = NULLIF(rtrim(substr(notes, 1, position('Chapter end notes: ' IN notes) - 1), E'\n'), '')
 WHERE notes LIKE 'Chapter end notes: %'
    OR position(E'\n\nChapter end notes: ' IN notes) > 0;
