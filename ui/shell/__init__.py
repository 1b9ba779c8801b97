"""The window and the app around it: the `switchboard` command (main), the
shell that wires core, engine and window, the main window and its saved layout,
the tray, one instance per profile, the start's problem dialogs, the interface
language, keyboard shortcuts and their Help dialog, the side panel, the
messenger and web-form services in the status bar, and the tools that run the
app another way (self-check, screenshots with their demo data, start-up
memory and import tweaks)."""
