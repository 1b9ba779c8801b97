"""Icons, sounds, translations, desktop entry: found through app.resources-free helpers in ui."""
