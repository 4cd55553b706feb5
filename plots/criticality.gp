# criticality.gp - the most critical tasks: on the left the chance that each
# is on the critical path, on the right its sensitivity (the rank
# correlation of its duration with the project's: how much it moves the
# finish date). Same rows in both panels, the most critical at the top.
#
# riskcast writes the variables this template uses above it: data, subtitle,
# title_text, ranked_note, crit_label, sens_label, none_text, rows,
# label_margin, width, height.
# criticality.dat rows: row number (1 at the bottom), "task", criticality (%),
# sensitivity (NaN where the duration never varies), "sensitivity as text".

top = 1 - 100.0 / height
bottom = 90.0 / height
set multiplot title title_text . "\n" . subtitle . "\n" . ranked_note font ",12"
set style fill solid 0.5 border lc rgb '#303030'
set tmargin at screen top
set bmargin at screen bottom
set border 3
set xtics nomirror out
set grid xtics lc rgb '#d8d8d8' dt 3
set key off
mid = label_margin + 0.62 * (0.97 - label_margin)

if (rows == 0) {
    set lmargin at screen label_margin
    set rmargin at screen 0.97
    set label 1 none_text at graph 0.5, 0.5 center
    set xrange [0:1]
    set yrange [0:1]
    unset ytics
    plot -1 notitle
} else {
    set yrange [0.4 : rows + 0.6]
    # left: criticality
    set lmargin at screen label_margin
    set rmargin at screen mid - 0.02
    set xrange [0:118]
    set xtics 0, 20, 100
    set ytics nomirror scale 0
    set xlabel crit_label
    plot data using ($3 / 2):1:(0):3:($1 - 0.36):($1 + 0.36):ytic(2) with boxxyerror lc rgb '#8c8c8c', \
         '' using 3:1:(sprintf("%.0f%%", $3)) with labels left offset 0.6, 0
    # right: sensitivity, on the same rows
    set lmargin at screen mid + 0.02
    set rmargin at screen 0.97
    set xrange [-1.3:1.3]
    set xtics -1, 0.5, 1
    set xzeroaxis lt 1 lc rgb 'black'
    set ytics format ""
    set xlabel sens_label
    set style fill pattern 4 border lc rgb '#303030'
    plot data using ($4 / 2):1:($4 < 0 ? $4 : 0):($4 < 0 ? 0 : $4):($1 - 0.36):($1 + 0.36) with boxxyerror lc rgb '#505050', \
         '' using (strcol(5) eq "-" ? 0 : $4):1:(strcol(5) eq "-" || $4 >= 0 ? stringcolumn(5) : "") with labels left offset 0.6, 0, \
         '' using (strcol(5) eq "-" ? 0 : $4):1:(strcol(5) ne "-" && $4 < 0 ? stringcolumn(5) : "") with labels right offset -0.6, 0
}
unset multiplot
