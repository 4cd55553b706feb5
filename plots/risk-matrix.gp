# risk-matrix.gp - the risk register on a probability x impact grid: each
# risk before mitigation (open circle) and after its planned mitigation
# (filled circle), an arrow from one to the other, labelled with the risk id.
# Schedule impact on the left, cost impact on the right. The shading darkens
# toward high probability and high impact.
#
# riskcast writes the variables this template uses above it: data, subtitle,
# title_text, ranked_note, days_label, cost_label, x_label, before_key,
# after_key, none_text, low_text, high_text, rows_days, rows_cost, width, height.
# risk-matrix.dat: index 0 = schedule impact, index 1 = cost impact; each row:
# "id", probability before (%), impact before, probability after (%), impact
# after, mitigated (1/0).

top = 1 - 100.0 / height
bottom = 110.0 / height
set multiplot title title_text . "\n" . subtitle . "\n" . ranked_note font ",12"
set tmargin at screen top
set bmargin at screen bottom
set xrange [0:100]
set xtics 0, 20, 100 nomirror
set ytics nomirror
set xlabel x_label
set border 3
set style textbox opaque noborder margins 0.3, 0.3
set style fill solid 1.0 noborder
shade(k) = k == 0 ? '#ffffff' : k == 1 ? '#f2f2f2' : k == 2 ? '#e3e3e3' : k == 3 ? '#d2d2d2' : '#c0c0c0'
do for [i = 0:2] {
    do for [j = 0:2] {
        set object (1 + i + 3 * j) rect from graph i / 3.0, graph j / 3.0 to graph (i + 1) / 3.0, graph (j + 1) / 3.0 \
            fc rgb shade(i + j) fs solid 1.0 noborder behind
    }
}
set label 11 low_text at graph 0.02, graph 0.04 left textcolor rgb '#707070'
set label 12 high_text at graph 0.98, graph 0.96 right textcolor rgb '#505050'

do for [panel = 0:1] {
    set lmargin at screen panel * 0.5 + 0.08
    set rmargin at screen panel * 0.5 + 0.47
    set ylabel (panel == 0 ? days_label : cost_label)
    rows = panel == 0 ? rows_days : rows_cost
    if (panel == 0) {
        set key at screen 0.5, screen 0.035 center bottom horizontal width 2 samplen 1
    } else {
        set key off
    }
    if (rows == 0) {
        set label 10 none_text at graph 0.5, 0.5 center front
        set yrange [0:1]
        set format y ""
        plot -1 notitle, -1 with points pt 6 ps 1.6 lc rgb 'black' title before_key, \
             -1 with points pt 7 ps 1.3 lc rgb 'black' title after_key
        unset label 10
        set format y "% h"
    } else {
        set autoscale xy    # stats of one column keeps to the x range: free it
        stats data index panel using 3 nooutput
        hi1 = STATS_max
        stats data index panel using 5 nooutput
        hi = (STATS_max > hi1 ? STATS_max : hi1)
        set xrange [0:100]
        set yrange [0 : (hi > 0 ? hi * 1.15 : 1)]
        plot data index panel using 2:3:($6 != 0 && ($4 != $2 || $5 != $3) ? $4 - $2 : NaN):($5 - $3) \
                 with vectors head filled size screen 0.010, 20 lw 1.2 lc rgb '#404040' notitle, \
             '' index panel using 2:3 with points pt 6 ps 1.6 lw 1.5 lc rgb 'black' title before_key, \
             '' index panel using ($6 != 0 ? $4 : NaN):5 with points pt 7 ps 1.3 lc rgb 'black' title after_key, \
             '' index panel using 2:3:1 with labels left offset 1.0, 0.7 boxed notitle
    }
}
unset multiplot
