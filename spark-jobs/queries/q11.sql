-- TPC-H Q11: Important Stock Identification; ${PARAMETER_SET} parameters: NATION=${NATION}, FRACTION=0.0001/SF (placeholder ${Q11_FRACTION})
select
    ps_partkey,
    sum(ps_supplycost * ps_availqty) as value
from
    partsupp,
    supplier,
    nation
where
    ps_suppkey = s_suppkey
    and s_nationkey = n_nationkey
    and n_name = '${NATION}'
group by
    ps_partkey
having
    sum(ps_supplycost * ps_availqty) > (
        select
            sum(ps_supplycost * ps_availqty) * ${Q11_FRACTION}
        from
            partsupp,
            supplier,
            nation
        where
            ps_suppkey = s_suppkey
            and s_nationkey = n_nationkey
            and n_name = '${NATION}'
    )
order by
    value desc
