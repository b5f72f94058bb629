"""Rasa-side Python: the custom NLU graph components and their data (bot/lexicon/).

Components (one per module, registered with Rasa's DefaultV1Recipe when imported
from config.yml as `bot.tokenizer.BilingualTokenizer` etc.):

* bot.tokenizer.BilingualTokenizer    — zh/en tokenizer, traditional→simplified aware
* bot.language.LanguageDetector       — `language` entity (zh/en)
* bot.entities.FinanceEntityExtractor — amount, duration, age, levels, products, types
"""
