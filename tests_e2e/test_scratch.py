from .accessibility import check_accessibility

def test_look(page):
    page.goto("/")
    check_accessibility(page)
    page.goto("/account/login/")
    page.fill("#id_login", "fran")
    page.fill("#id_password", "alongside-demo")
    page.click("main button[type=submit]")
    page.wait_for_url("/")
    page.goto("/groups/")
    print(page.url)
    page.get_by_role("link", name="Women's space").click()
    print(page.url)
    page.get_by_role("link", name="Requests to join").click()
    print(page.url)
    print(page.inner_text("main"))
    print(page.content()[:6000])
    check_accessibility(page)
