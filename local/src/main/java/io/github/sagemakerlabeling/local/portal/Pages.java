package io.github.sagemakerlabeling.local.portal;

import io.github.sagemakerlabeling.local.workers.TaskPool;
import java.util.List;
import java.util.Optional;

/** The portal's own pages: sign-in and the jobs with tasks waiting. */
final class Pages {

    private Pages() {
    }

    static String signIn(String problem) {
        return Html.page("Sign in", header(null)
                + "<main class=\"narrow\"><h1>Label data with Local Ground Truth</h1>"
                + "<p>Enter your name to see the labeling jobs with tasks waiting. Your name is your worker id in the "
                + "jobs' output.</p>"
                + (problem == null ? "" : "<p class=\"problem\" role=\"alert\">" + Html.escape(problem) + "</p>")
                + "<form method=\"post\" action=\"/sign-in\" class=\"sign-in\">"
                + "<label for=\"name\">Your name</label> <input id=\"name\" name=\"name\" required maxlength=\"64\" "
                + "autocomplete=\"username\" autofocus> <button type=\"submit\" id=\"sign-in\">Sign in</button></form>"
                + "</main>" + liveDashboard());
    }

    static String jobs(String worker, List<TaskPool.Work> work, Optional<String> note) {
        StringBuilder body = new StringBuilder(header(worker)).append("<main><h1>Jobs with tasks for you</h1>");
        if (note.filter("no-task"::equals).isPresent()) {
            body.append("<p class=\"note\" role=\"status\">That job has no task for you right now.</p>");
        }
        if (work.isEmpty()) {
            body.append("<p class=\"empty\">No tasks are waiting for you. This page shows new ones when you reload "
                    + "it.</p>");
        } else {
            body.append("<ul class=\"jobs\">");
            for (TaskPool.Work job : work) {
                String name = job.job().jobName();
                body.append("<li class=\"job\" data-job=\"").append(Html.escape(name)).append("\"><h2>")
                        .append(Html.escape(job.job().title())).append("</h2><p>")
                        .append(Html.escape(job.job().description())).append("</p><p class=\"meta\">")
                        .append(job.tasksAvailable()).append(job.tasksAvailable() == 1 ? " task" : " tasks")
                        .append(" · job ").append(Html.escape(name)).append("</p><a class=\"start\" href=\"/jobs/")
                        .append(Workers.pathPart(name)).append("/next\">Start working</a></li>");
            }
            body.append("</ul>");
        }
        return Html.page("Jobs", body.append("</main>").append(liveDashboard()).toString());
    }

    /** The jobs at a glance, alone on a page. */
    static String dashboard() {
        return Html.page("Dashboard", header(null) + liveDashboard());
    }

    /**
     * The jobs at a glance, under the portal's root page and on {@code /dashboard}: {@code dashboard.js} fills it
     * from {@code /api/dashboard} every two seconds.
     */
    private static String liveDashboard() {
        return "<main class=\"wide\"><h1>Labeling jobs</h1>"
                + "<p class=\"note\">Updated every two seconds.</p>"
                + "<div id=\"dashboard\" class=\"dashboard\" aria-live=\"polite\" data-source=\"/api/dashboard\">"
                + "</div></main><script src=\"/assets/dashboard.js\"></script>";
    }

    static String header(String worker) {
        return "<header class=\"portal-bar\"><a class=\"brand\" href=\"/\">Local Ground Truth · worker portal</a>"
                + "<a class=\"nav\" href=\"/dashboard\">Dashboard</a>"
                + (worker == null ? "" : "<span class=\"who\">Signed in as <strong id=\"worker\">"
                + Html.escape(worker) + "</strong></span><form method=\"post\" action=\"/sign-out\">"
                + "<button type=\"submit\" class=\"link\">Sign out</button></form>")
                + "</header>";
    }
}
