"""The Settings dialog and its pages: accounts and General (call forwarding
among it), Audio with the codec list, Callbacks (the callback policy), the web
form, the Telegram bots and the mailboxes. The chats' own settings are in
ui/conversations/chat_settings.py."""
