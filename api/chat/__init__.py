"""Chat gateway: the customer's only way in; masks personal data, relays to Rasa."""
