"""Customer feedback: helpful/unhelpful per bot message, and the end-of-chat rating."""
