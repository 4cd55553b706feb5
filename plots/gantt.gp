# gantt.gp - the plan's bars of the most critical tasks with each task's
# likely finish range (P10 to P90 of the simulated finish dates, the dot at
# the average), in order of planned start. Dark bars are on the plan's
# critical path, diamonds are milestones.
#
# riskcast writes the variables this template uses above it: data, subtitle,
# title_text, ranked_note, bar_key, crit_key, range_key, milestone_key,
# none_text, rows, label_margin, x_from, x_to (dates), mark_n and the arrays
# mark_x (dates), mark_text, mark_dt, mark_off (-1, 1: beyond the axis on that
# side, drawn at the edge without a line), key_width, width, height.
# gantt.dat rows: row number (1 at the bottom), "task", planned start,
# planned finish (its last day), finish P10, finish P90, average finish
# (? where no range was kept), on the critical path (1/0), milestone (1/0).

day = 86400.0
tc(n) = timecolumn(n, "%Y-%m-%d")
sd(s) = strptime("%Y-%m-%d", s)

set title title_text . "\n" . subtitle . "\n" . ranked_note font ",12"
set datafile missing '?'
set xdata time
set timefmt "%Y-%m-%d"
set format x "%Y-%m-%d"
set xtics rotate by 30 right nomirror
set x2data time
set format x2 "%Y-%m-%d"
set x2tics rotate by 30 left
set link x2
set xrange [sd(x_from) : sd(x_to) + day]
set lmargin at screen label_margin
set rmargin 4
set border 15
set grid xtics lc rgb '#dddddd' dt 3
set ytics nomirror scale 0
set key outside bottom center horizontal width key_width samplen 2
set style textbox opaque noborder margins 0.5, 0.5

do for [i = 1:mark_n] {
    mx = sd(mark_x[i]) + day
    # (each line its own width: gnuplot's svg output merges lines of one width
    # into a single path, losing their dash types)
    if (mark_off[i] == 0) {
        set arrow i from mx, graph 0 to mx, graph 1 nohead dt mark_dt[i] lw (1.6 + 0.01 * i) lc rgb 'black' front
    }
    # right half: at the top, left of the line; left half: at the bottom, right
    # of it (a plan in order of start leaves those corners empty)
    if (mx > (sd(x_from) + sd(x_to)) / 2) {
        set label i mark_text[i] at mx, graph 0.985 - 0.05 * (i - 1) right offset -0.5, -0.5 boxed front
    } else {
        set label i mark_text[i] at mx, graph 0.015 + 0.05 * (i - 1) left offset 0.5, 0.5 boxed front
    }
}

if (rows == 0) {
    set label 100 none_text at graph 0.5, 0.5 center
    set yrange [0:1]
    unset ytics
    plot -1 notitle
} else {
    set yrange [0.3 : rows + 0.7]
    plot data using ($9 != 0 ? NaN : (tc(3) + tc(4) + day) / 2):1:(tc(3)):(tc(4) + day):($1 - 0.3):($1 + 0.3):ytic(2) \
             with boxxyerror fs solid 0.25 border lc rgb '#303030' lc rgb '#707070' title bar_key, \
         '' using ($9 != 0 || $8 == 0 ? NaN : (tc(3) + tc(4) + day) / 2):1:(tc(3)):(tc(4) + day):($1 - 0.3):($1 + 0.3) \
             with boxxyerror fs solid 0.75 border lc rgb '#000000' lc rgb '#404040' title crit_key, \
         '' using ($9 != 0 ? tc(4) + day / 2 : NaN):1 with points pt 13 ps 1.8 lc rgb 'black' title milestone_key, \
         '' using (tc(7) + day / 2):($1 - 0.0):(tc(5) + day / 2):(tc(6) + day / 2) \
             with xerrorbars pt 7 ps 0.8 lw 1.8 lc rgb 'black' title range_key
}
