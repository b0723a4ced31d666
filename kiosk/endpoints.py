"""The provider's address, in a module light enough to import before the first frame."""

PRODUCTION_URL = "https://mitrapintar.api.digiswitch.id/v1/user/api/"
