"""The customers: the list with instant search, the customer card with its
timeline of calls, messages, emails and notes, the dialogs that create and edit
a customer, and the CSV/vCard import with its own thread."""
