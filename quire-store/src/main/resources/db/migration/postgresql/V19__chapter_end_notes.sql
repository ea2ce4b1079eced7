-- AO3's chapter end notes: the author's notes after a chapter's text, shown after it. Imports
-- before this kept them after the chapter's opening notes, as a paragraph of their own starting
-- "Chapter end notes: " (19 characters; 21 with the blank line before it).
ALTER TABLE chapters ADD COLUMN end_notes TEXT;
UPDATE chapters
   SET end_notes = CASE WHEN notes LIKE 'Chapter end notes: %' THEN substr(notes, 20)
                        ELSE substr(notes, position(E'\n\nChapter end notes: ' IN notes) + 21)
                   END,
       notes = CASE WHEN notes LIKE 'Chapter end notes: %' THEN NULL
                    ELSE NULLIF(rtrim(substr(notes, 1,
                           position(E'\n\nChapter end notes: ' IN notes) - 1), E'\n'), '')
               END
 WHERE notes LIKE 'Chapter end notes: %'
    OR position(E'\n\nChapter end notes: ' IN notes) > 0;
