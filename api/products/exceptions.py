"""Product errors: an unknown code answers 404 with the closest codes and names."""

from api.errors import NotFound
from api.products.search import ProductMatch
from api.products.vocabulary import Lang


class ProductNotFound(NotFound):
    def __init__(self, code: str, suggestions: list[ProductMatch], lang: Lang = "zh") -> None:
        self.code = code
        self.suggestions = suggestions
        names = [f"{m.product.code} {m.product.text('name', lang)}" for m in suggestions]
        if lang == "en":
            message = f"No product with code {code!r}."
            if names:
                message += f" Did you mean: {'; '.join(names)}?"
        else:
            message = f"未找到代码为“{code}”的产品。"
            if names:
                message += f"您是否在找：{'；'.join(names)}？"
        super().__init__(
            {
                "message": message,
                "code": code,
                "suggestions": [
                    {"code": m.product.code, "name": m.product.text("name", lang)}
                    for m in suggestions
                ],
            }
        )
