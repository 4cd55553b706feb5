# finish.gp - the finish date: a histogram of when the simulations finish and
# the S-curve of the chance of finishing by each date, with vertical marks
# (plan, deadline, P50, P(confidence)).
#
# riskcast writes the variables this template uses above it: data, subtitle,
# title_text, x_label, y_label, y2_label, hist_key, curve_key, x_from, x_to
# (dates), mark_n and the arrays mark_x (dates), mark_text, mark_dt, mark_off (-1, 1: beyond the axis on that
# side, drawn at the edge without a line), key_width.
# finish.dat: index 0 = histogram rows (first date, last date, % of
# simulations), index 1 = S-curve rows (date, % finished by the end of it).

day = 86400.0
tc(n) = timecolumn(n, "%Y-%m-%d")
sd(s) = strptime("%Y-%m-%d", s)

# the histogram's height, read before the x axis turns into dates (stats
# does not work on time data); the top of the chart is kept for the labels
stats data index 0 using 3 nooutput
hist_top = STATS_max > 0 ? STATS_max : 1

set title title_text . "\n" . subtitle font ",13"
set xdata time
set timefmt "%Y-%m-%d"
set format x "%Y-%m-%d"
set xtics rotate by 30 right nomirror
set xrange [sd(x_from) : sd(x_to) + day]
set xlabel x_label
set ylabel y_label
set y2label y2_label
set yrange [0 : hist_top * 1.42]
set ytics nomirror
set y2range [0:142]
set y2tics 0, 10, 100
set grid y2tics lc rgb '#d0d0d0' dt 3
set border 11
set lmargin 12
set style textbox opaque noborder margins 0.5, 0.5
set key outside bottom center horizontal width key_width samplen 3
set style fill solid 0.45 border lc rgb '#404040'

# the marks: a vertical line in its own dash type and a label, staggered so
# that labels of nearby dates do not overlap
xflip = sd(x_from) + 0.7 * (sd(x_to) - sd(x_from))
do for [i = 1:mark_n] {
    mx = sd(mark_x[i]) + day / 2
    # (each line its own width: gnuplot's svg output merges lines of one width
    # into a single path, losing their dash types)
    if (mark_off[i] == 0) {
        set arrow i from mx, graph 0 to mx, graph 1 nohead dt mark_dt[i] lw (1.6 + 0.01 * i) lc rgb 'black' front
    }
    ly = 0.965 - 0.045 * (i - 1)
    if (mx > xflip) {
        set label i mark_text[i] at mx, graph ly right offset -0.6, 0 boxed front
    } else {
        set label i mark_text[i] at mx, graph ly left offset 0.6, 0 boxed front
    }
}

plot data index 0 using ((tc(1) + tc(2) + day) / 2):3:(tc(1) + 0.08 * day):(tc(2) + 0.92 * day):(0):3 \
         with boxxyerror lc rgb '#9a9a9a' title hist_key, \
     data index 1 using (tc(1) + day / 2):2 axes x1y2 with steps lw 2.5 lc rgb 'black' title curve_key
