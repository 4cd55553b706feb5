# tornado.gp - the risks ranked by what each adds to the P(confidence):
# working days on the left, cost on the right, the largest at the top.
#
# riskcast writes the variables this template uses above it: data, subtitle,
# title_text, ranked_note (how many risks are shown), days_label, cost_label,
# none_text, rows (rows per panel), label_margin (the screen width of the risk
# names), width, height.
# tornado.dat: index 0 = working days, index 1 = cost; each row: row number
# (1 at the bottom), "risk", value, "value as text".

top = 1 - 100.0 / height       # room for the three title lines
bottom = 90.0 / height
set multiplot title title_text . "\n" . subtitle . "\n" . ranked_note font ",12"
set style fill solid 0.5 border lc rgb '#303030'
set tmargin at screen top
set bmargin at screen bottom
set border 3
set xtics nomirror out
set ytics nomirror scale 0
set grid xtics lc rgb '#d8d8d8' dt 3
set xzeroaxis lt 1 lc rgb 'black'
set key off

do for [panel = 0:1] {
    left = panel * 0.5 + label_margin
    set lmargin at screen left
    set rmargin at screen panel * 0.5 + 0.47
    set xlabel (panel == 0 ? days_label : cost_label)
    if (rows == 0) {
        set label 1 none_text at graph 0.5, 0.5 center
        set xrange [0:1]
        set yrange [0:1]
        unset ytics
        plot -1 notitle
        unset label 1
    } else {
        set autoscale xy    # stats of one column keeps to the x range: free it
        stats data index panel using 3 nooutput
        lo = STATS_min < 0 ? STATS_min : 0
        hi = STATS_max > 0 ? STATS_max : 0
        span = hi - lo > 0 ? hi - lo : 1
        # room at the bar ends for the values
        set xrange [lo - (lo < 0 ? 0.25 * span : 0) : hi + 0.25 * span]
        set yrange [0.4 : rows + 0.6]
        plot data index panel using ($3 / 2):1:($3 < 0 ? $3 : 0):($3 < 0 ? 0 : $3):($1 - 0.36):($1 + 0.36):ytic(2) \
                 with boxxyerror lc rgb '#8c8c8c', \
             '' index panel using 3:1:($3 < 0 ? "" : stringcolumn(4)) with labels left offset 0.6, 0, \
             '' index panel using 3:1:($3 < 0 ? stringcolumn(4) : "") with labels right offset -0.6, 0
    }
}
unset multiplot
