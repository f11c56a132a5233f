-- The interface language each user chose in Settings: 'en' or 'ar', or
-- '' to follow what their browser asks for (Accept-Language).
ALTER TABLE users ADD COLUMN ui_lang TEXT NOT NULL DEFAULT '' CHECK (ui_lang IN ('', 'en', 'ar'));
