"""ASGI entry point: HTTP through Django; WebSockets (live rooms) through Channels,
signed in by the session cookie and only from this site's own origin (scheme, host
and port: alongside/core/origins.py)."""

import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from alongside.conversations.routing import (  # noqa: E402
    websocket_urlpatterns as conversation_routes,
)
from alongside.core.origins import SiteOriginValidator  # noqa: E402
from alongside.privateconversations.routing import (  # noqa: E402
    websocket_urlpatterns as private_routes,
)
from alongside.safety.routing import (  # noqa: E402
    websocket_urlpatterns as safety_routes,
)

websocket_urlpatterns = [*conversation_routes, *safety_routes, *private_routes]

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": SiteOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)

# What is loaded by now (settings, models, templates, URL patterns) lives as long as
# the process. Moving it out of the garbage collector's reach keeps its full passes
# short, so they do not stall every live room at once (see docs/performance.md).
gc.collect()
gc.freeze()
