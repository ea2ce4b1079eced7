-- AO3's chapter end notes: the author's notes after a chapter's text, shown after it. Imports
-- before this kept them after the chapter's opening notes, labelled "Chapter end notes: ".
ALTER TABLE chapters ADD COLUMN end_notes TEXT;
UPDATE chapters
   SET end_notes = substr(notes, instr(notes, 'Chapter end notes: ') + 19),
       notes = NULLIF(rtrim(substr(notes, 1, instr(notes, 'Chapter end notes: ') - 1), char(10)), '')
 WHERE notes GLOB 'Chapter end notes: *'
    OR instr(notes, char(10) || char(10) || 'Chapter end notes: ') > 0;
