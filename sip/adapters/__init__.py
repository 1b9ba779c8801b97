"""The engine's adapters to the core (app/): engine events written to the
timeline and the callback queue (``call_log``), a callback request claimed and
dialled (``callback_dialer``), stored SIP account rows turned into the engine's
configs (``account_rows``). They import app/ and the engine's plain types
(sip.events, sip.config), never pjsua2: the engine itself (sip/engine.py and
its pjsua2 wrappers) knows nothing of the database."""
