# cost.gp - the project cost: a histogram of the simulated costs and the
# S-curve of the chance of staying within each amount, with vertical marks
# (plan, budget, price, P50, P(confidence)).
#
# riskcast writes the variables this template uses above it: data, subtitle,
# title_text, x_label, y_label, y2_label, hist_key, curve_key, cost_scale (the
# x axis is in units of it: 1, 1000 or 1e6), x_from, x_to (amounts), mark_n
# and the arrays mark_x (amounts), mark_text, mark_dt, mark_off (-1, 1: beyond the axis on that
# side, drawn at the edge without a line), key_width.
# cost.dat: index 0 = histogram rows (from, to, % of simulations), index 1 =
# S-curve rows (amount, % of simulations costing at most that).

stats data index 0 using 3 nooutput
hist_top = STATS_max > 0 ? STATS_max : 1

set title title_text . "\n" . subtitle font ",13"
set xrange [x_from / cost_scale : x_to / cost_scale]
set xtics nomirror
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
set key outside bottom center horizontal width key_width samplen 3
set style fill solid 0.45 border lc rgb '#404040'
set style textbox opaque noborder margins 0.5, 0.5

xflip = (x_from + 0.7 * (x_to - x_from)) / cost_scale
do for [i = 1:mark_n] {
    mx = mark_x[i] / cost_scale
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

plot data index 0 using (($1 + $2) / 2 / cost_scale):3:($1 / cost_scale + 0.04 * ($2 - $1) / cost_scale):($2 / cost_scale - 0.04 * ($2 - $1) / cost_scale):(0):3 \
         with boxxyerror lc rgb '#9a9a9a' title hist_key, \
     data index 1 using ($1 / cost_scale):2 axes x1y2 with lines lw 2.5 lc rgb 'black' title curve_key
