"""Creates the privacy notice (/privacy-notice/) and the accessibility statement
(/accessibility-statement/) under the home page, with starting text for the service to complete
(the parts in square brackets). Editors keep them up to date in the admin afterwards."""

import uuid

from django.db import migrations
from django.utils import timezone

PRIVACY_NOTICE = """
<p>This notice explains what the SEEDS practice platform holds about you, why, who can see it,
how long it is kept and what your rights are. The platform is run by [name of the probation
service], the data controller. Our data protection officer is [name], [email address].</p>
<h2>What we hold</h2>
<ul>
<li>Your account: your name, email address, user name, team and role.</li>
<li>Recordings of practice sessions you upload, with the date of the session, a pseudonym for
the client, the consent statement you confirmed, and the transcript and skill scores made from
them.</li>
<li>Reviews of your recordings by your treatment manager: ratings, feedback and your
responses.</li>
<li>Your training: the lessons you completed, your quiz answers and your reflective log.</li>
<li>A log of who opened, listened to or exported each recording, and records of signing in.</li>
</ul>
<h2>Why we hold it</h2>
<p>To help practitioners develop their skills in supervision (the SEEDS programme). Our lawful
basis is [public task, Article 6(1)(e) UK GDPR]. Recordings may reveal information about people
on probation, which is criminal offence data: we process it under [Article 10 UK GDPR and the
Data Protection Act 2018, Schedule 1, condition ...]. Clients agree to a session being
recorded before it is uploaded, and may withdraw that agreement at any time.</p>
<h2>Who can see it</h2>
<p>A recording, its transcript, scores and feedback can be seen only by the practitioner who
uploaded it, the treatment managers of their team and the platform's administrators. Every time
one of them opens, listens to or exports a recording, it is recorded, and the practitioner can
see who did. Editors of the training content cannot see recordings. We do not share your data
with anyone else unless the law requires it.</p>
<h2>How long we keep it</h2>
<p>Audio is deleted after the periods set by the service's administrators (for example 30 days
after feedback is shared). Transcripts, scores and feedback are kept for [period]. The record
of who accessed a recording is kept for [365] days. Your account and training records are kept
while you work for [the service] and for [period] after.</p>
<h2>Your rights</h2>
<p>You can ask for a copy of everything we hold about you, ask us to correct it, and in some
cases ask us to delete it or to stop using it. Write to [email address]. You can delete your
own recordings on the platform.</p>
<p>If you are unhappy with how we have used your data you can complain to the Information
Commissioner's Office (ICO), Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF,
<a href="https://ico.org.uk/make-a-complaint/">ico.org.uk/make-a-complaint</a>.</p>
"""

ACCESSIBILITY_STATEMENT = """
<p>This accessibility statement applies to the SEEDS practice platform at [web address].</p>
<p>This website is run by [name of the probation service]. We want as many people as possible
to be able to use this website. For example, that means you should be able to:</p>
<ul>
<li>change colours, contrast levels and fonts using browser or device settings</li>
<li>zoom in up to 400% without the text spilling off the screen</li>
<li>navigate most of the website using a keyboard or speech recognition software</li>
<li>listen to most of the website using a screen reader</li>
<li>read a transcript of every recording, with each line linked to its moment in the audio</li>
</ul>
<p>We've also made the website text as simple as possible to understand.</p>
<p><a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on making your device
easier to use if you have a disability.</p>
<h2>How accessible this website is</h2>
<p>We know some parts of this website are not fully accessible:</p>
<ul>
<li>progress charts are images drawn in the page; their figures are also given in text and can
be downloaded as a spreadsheet</li>
<li>transcripts are made by speech recognition and can contain mistakes until a manager
corrects them</li>
<li>some parts of the editing interface come from the content management system (Wagtail) and
we do not control all of them</li>
</ul>
<h2>Feedback and contact information</h2>
<p>If you need information on this website in a different format, email [email address]. We'll
consider your request and get back to you in [number] days.</p>
<h2>Reporting accessibility problems with this website</h2>
<p>We're always looking to improve the accessibility of this website. If you find any problems
not listed on this page or think we're not meeting accessibility requirements, contact
[email address].</p>
<h2>Enforcement procedure</h2>
<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public
Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the
'accessibility regulations'). If you're not happy with how we respond to your complaint,
<a href="https://www.equalityadvisoryservice.com/">contact the Equality Advisory and Support
Service (EASS)</a>.</p>
<h2>Technical information about this website's accessibility</h2>
<p>[Name of the probation service] is committed to making its website accessible, in
accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2)
Accessibility Regulations 2018.</p>
<h3>Compliance status</h3>
<p>This website is partially compliant with the
<a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a>
AA standard, due to the non-compliances listed below.</p>
<h2>Non-accessible content</h2>
<p>The content listed below is non-accessible for the following reasons.</p>
<h3>Non-compliance with the accessibility regulations</h3>
<p>[List the problems found by the service's accessibility audit, each with the WCAG 2.2
success criterion it fails and when it will be fixed.]</p>
<h3>Disproportionate burden</h3>
<p>We are not claiming disproportionate burden.</p>
<h3>Content that's not within the scope of the accessibility regulations</h3>
<p>Recordings of practice sessions are uploaded by practitioners for their own development and
are not published; each has a transcript.</p>
<h2>What we're doing to improve accessibility</h2>
<p>The site is built with the GOV.UK Design System, whose components are tested with assistive
technologies. [Describe the service's plan and dates.]</p>
<h2>Preparation of this accessibility statement</h2>
<p>This statement was prepared on [date]. It was last reviewed on [date].</p>
<p>This website was last tested on [date] against the WCAG 2.2 AA standard. The test was
carried out by [name of the organisation or team].</p>
"""

PAGES = [
    ("Privacy notice", "privacy-notice", PRIVACY_NOTICE),
    ("Accessibility statement", "accessibility-statement", ACCESSIBILITY_STATEMENT),
]
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, as Wagtail's page tree uses it
STEPLEN = 4


def _step(number):
    digits = ""
    while number:
        number, digit = divmod(number, len(ALPHABET))
        digits = ALPHABET[digit] + digits
    return digits.rjust(STEPLEN, "0")


def _number(step):
    return int(step, len(ALPHABET))


def create_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("home.HomePage")
    StandardPage = apps.get_model("home.StandardPage")

    home = HomePage.objects.filter(depth=2).order_by("path").first()
    if home is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="home", model="standardpage")
    now = timezone.now()
    for title, slug, body in PAGES:
        children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
        if children.filter(slug=slug).exists():
            continue
        last = children.order_by("-path").values_list("path", flat=True).first()
        next_step = _number(last[-STEPLEN:]) + 1 if last else 1
        StandardPage.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            body=body.strip(),
            content_type=content_type,
            path=home.path + _step(next_step),
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}{slug}/",
            locale_id=home.locale_id,
            translation_key=uuid.uuid4(),
            live=True,
            first_published_at=now,
            last_published_at=now,
            show_in_menus=False,
        )
        Page.objects.filter(pk=home.pk).update(numchild=children.count())


def remove_pages(apps, schema_editor):
    StandardPage = apps.get_model("home.StandardPage")
    Page = apps.get_model("wagtailcore.Page")
    for page in StandardPage.objects.filter(slug__in=[slug for _, slug, _ in PAGES], depth=3):
        parent_path = page.path[:-STEPLEN]
        page.delete()
        parent = Page.objects.get(path=parent_path)
        parent.numchild = Page.objects.filter(
            path__startswith=parent_path, depth=parent.depth + 1
        ).count()
        parent.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_standard_page"),
    ]

    operations = [migrations.RunPython(create_pages, remove_pages)]
