"""The conversations panel's widgets (issue 19): the conversation view, the
composer, the "waiting for reply" inbox and the message notifications. They
reach the core through the window's task runner and refresh from its one
changes value, like every view."""
