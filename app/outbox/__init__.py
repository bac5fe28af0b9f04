"""The outbox: messages to people waiting to go, the channels that carry them, and the sender.

It knows how to deliver a message, not what it is about: updates (app/feedback) and claims
(app/ledger) queue their own and say how each is rewritten just before it goes.
"""
