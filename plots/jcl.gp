# jcl.gp - the joint confidence chart: each simulation's cost against its
# finish date, with the deadline and the budget; the corner below the budget
# and left of the deadline holds the simulations that meet both.
#
# riskcast writes the variables this template uses above it: data, subtitle,
# title_text, x_label, y_label, points_key, cost_scale (the cost axis is in
# units of it), has_deadline, deadline, deadline_text, deadline_off, has_budget,
# budget, budget_text, budget_off (off: -1, 1 when beyond the axis on that side), plan_date, plan_cost, plan_text, conf_date, conf_cost,
# conf_text, x_from, x_to (dates), y_from, y_to (amounts), key_width.
# jcl.dat rows: finish date, cost, jitter (days), iteration.

day = 86400.0
tc(n) = timecolumn(n, "%Y-%m-%d")
sd(s) = strptime("%Y-%m-%d", s)

set title title_text . "\n" . subtitle font ",13"
set xdata time
set timefmt "%Y-%m-%d"
set format x "%Y-%m-%d"
set xtics rotate by 30 right nomirror
set ytics nomirror
set xrange [sd(x_from) : sd(x_to) + day]
set yrange [y_from / cost_scale : y_to / cost_scale]
set xlabel x_label
set ylabel y_label
set lmargin 12
set border 3
set grid lc rgb '#e0e0e0' dt 3
set key outside bottom center horizontal width key_width samplen 2
set style textbox opaque noborder margins 0.5, 0.5

# a finish on the deadline day meets it: the line is at the end of that day
# (a deadline or budget far beyond the simulations is written at the edge)
if (has_deadline) {
    if (deadline_off == 0) {
        dx = sd(deadline) + day
        set arrow 1 from dx, graph 0 to dx, graph 1 nohead dt 2 lw 2 lc rgb 'black' front
        set label 1 deadline_text at dx, graph 0.97 right offset -0.6, 0 boxed front
    } else {
        if (deadline_off < 0) {
            set label 1 deadline_text at graph 0.01, graph 0.97 left boxed front
        } else {
            set label 1 deadline_text at graph 0.99, graph 0.97 right boxed front
        }
    }
}
if (has_budget) {
    if (budget_off == 0) {
        set arrow 2 from graph 0, first budget / cost_scale to graph 1, first budget / cost_scale nohead dt 4 lw 2.01 lc rgb 'black' front
        set label 2 budget_text at graph 0.01, first budget / cost_scale left offset 0, 0.8 boxed front
    } else {
        set label 2 budget_text at graph 0.01, graph (budget_off < 0 ? 0.03 : 0.91) left boxed front
    }
}

plot data using (tc(1) + day / 2 + $3 * day):($2 / cost_scale) with points pt 7 ps 0.35 lc rgb '#a0606060' title points_key, \
     '+' using (sd(plan_date) + day / 2):(plan_cost / cost_scale) every ::0::0 with points pt 4 ps 2.2 lw 2.5 lc rgb 'black' title plan_text, \
     '+' using (sd(conf_date) + day / 2):(conf_cost / cost_scale) every ::0::0 with points pt 8 ps 2.2 lw 2.5 lc rgb 'black' title conf_text
