// A small catalog in canonical form, shared by the catalog tests: the city, one Sở, three districts
// (two inner), three wards/communes, five procedures over three waves.
#pragma once

#include <vector>

#include "core/catalog/yaml_io.hpp"

namespace motcua::core::catalog::testing {

inline std::vector<SourceFile> MiniCatalog() {
  return {
      {"catalog.yaml", R"(province: Thành phố Hà Nội
province_en: Hanoi City
province_code: H26
settings:
  wave2_date: 2017-02-20
)"},
      {"fields.yaml", R"(fields:
  - key: xay-dung
    name: Xây dựng
    name_en: Construction
  - key: tu-phap
    name: Tư pháp
  - key: cong-thuong
    name: Công Thương
    name_en: Industry and Trade
)"},
      {"agencies.yaml", R"(agencies:
  - code: 000.00.00.H26
    name: Ủy ban nhân dân Thành phố Hà Nội
    name_en: Hanoi People's Committee
    kind: city
    tier: city
    parent: null
    address: 79 Đinh Tiên Hoàng, Hoàn Kiếm, Hà Nội
    phone: 024 3825 3536
    units:
      - key: vp
        name: Văn phòng UBND Thành phố
        one_stop: true
  - code: 000.00.01.H26
    name: Sở Công Thương
    kind: department
    tier: department
    parent: 000.00.00.H26
    address: 331 Cầu Giấy, Hà Nội
    units:
      - key: one-stop
        name: Bộ phận Tiếp nhận và Trả kết quả
        one_stop: true
      - key: qltm
        name: Phòng Quản lý thương mại
  - code: 000.00.13.H26
    name: Ủy ban nhân dân quận Ba Đình
    kind: urban_district
    tier: district
    parent: 000.00.00.H26
    inner: true
    address: 25 Liễu Giai, Ba Đình, Hà Nội
    units:
      - key: vp
        name: Văn phòng HĐND-UBND
        one_stop: true
      - key: qldt
        name: Phòng Quản lý đô thị
      - key: tu-phap
        name: Phòng Tư pháp
  - code: 000.00.14.H26
    name: Ủy ban nhân dân quận Hoàn Kiếm
    kind: urban_district
    tier: district
    parent: 000.00.00.H26
    inner: true
    address: 126 Hàng Trống, Hoàn Kiếm, Hà Nội
    units:
      - key: vp
        name: Văn phòng HĐND-UBND
        one_stop: true
      - key: qldt
        name: Phòng Quản lý đô thị
  - code: 000.00.40.H26
    name: Ủy ban nhân dân huyện Sóc Sơn
    kind: rural_district
    tier: district
    parent: 000.00.00.H26
    address: 'Số 1: Núi Đôi, Sóc Sơn'
    units:
      - key: vp
        name: Văn phòng HĐND-UBND
        one_stop: true
      - key: qldt
        name: Phòng Quản lý đô thị
)"},
      {"wards/ba-dinh.yaml", R"(agencies:
  - code: 000.01.13.H26
    name: Ủy ban nhân dân phường Phúc Xá
    kind: ward
    tier: ward
    parent: 000.00.13.H26
    address: 1 Nghĩa Dũng, Ba Đình
    units:
      - key: one-stop
        name: Bộ phận Tiếp nhận và Trả kết quả
        one_stop: true
      - key: tu-phap
        name: Công chức Tư pháp – Hộ tịch
  - code: 000.02.13.H26
    name: Ủy ban nhân dân phường Trúc Bạch
    kind: ward
    tier: ward
    parent: 000.00.13.H26
    address: 2 Trúc Bạch, Ba Đình
    units:
      - key: one-stop
        name: Bộ phận Tiếp nhận và Trả kết quả
        one_stop: true
      - key: tu-phap
        name: Công chức Tư pháp – Hộ tịch
)"},
      {"wards/soc-son.yaml", R"(agencies:
  - code: 000.01.40.H26
    name: Ủy ban nhân dân xã Phù Linh
    kind: commune
    tier: ward
    parent: 000.00.40.H26
    address: Phù Linh, Sóc Sơn
    units:
      - key: one-stop
        name: Bộ phận Tiếp nhận và Trả kết quả
        one_stop: true
      - key: tu-phap
        name: Công chức Tư pháp – Hộ tịch
)"},
      {"procedures/H26.PX.HT.01.yaml", R"(code: H26.PX.HT.01
version: 1
valid_from: 2017-01-01
name: Đăng ký khai sinh
name_en: Birth registration
field: tu-phap
tiers: [ward]
level: 3
processing_time:
  working_hours: 8
applicants: [citizen]
handling_unit: tu-phap
workflow: one_stop_only
result: Giấy khai sinh
legal_basis:
  - Luật Hộ tịch số 60/2014/QH13
components:
  - name: Tờ khai đăng ký khai sinh
    kind: original
    count: 1
    required: true
    file_types: [pdf]
    max_size_mb: 5
)"},
      {"procedures/H26.PX.HT.02.yaml", R"(code: H26.PX.HT.02
version: 2
valid_from: 2017-03-01
name: Đăng ký kết hôn
field: tu-phap
tiers: [ward]
level: 3
processing_time:
  working_days: 5
applicants: [citizen]
handling_unit: tu-phap
workflow: standard
result: Giấy chứng nhận kết hôn
legal_basis:
  - Luật Hộ tịch số 60/2014/QH13
components:
  - name: Tờ khai đăng ký kết hôn
    kind: original
    count: 1
    required: true
    file_types: [pdf, jpeg]
    max_size_mb: 5
)"},
      {"procedures/H26.QH.TP.01.yaml", R"(code: H26.QH.TP.01
version: 1
valid_from: 2017-01-01
name: Chứng thực bản sao từ bản chính
field: tu-phap
tiers: [district, ward]
level: 4
processing_time:
  working_days: 1
fee:
  - name: Phí chứng thực
    amount: 2000
    per: trang
applicants: [citizen, business]
handling_unit: tu-phap
workflow: standard
result: Bản sao được chứng thực
legal_basis:
  - Nghị định 23/2015/NĐ-CP
components:
  - name: Bản chính giấy tờ
    kind: original
    count: 1
    required: true
    file_types: [pdf, jpeg, png]
    max_size_mb: 20
)"},
      {"procedures/H26.QH.XD.01.yaml", R"(code: H26.QH.XD.01
version: 1
valid_from: 2017-01-01
name: Cấp giấy phép xây dựng nhà ở riêng lẻ
name_en: Construction permit for a private house
field: xay-dung
tiers: [district]
level: 3
processing_time:
  working_days: 15
fee:
  - name: Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ
    amount: 75000
  - name: Phí thẩm định
    amount: 10000
    per: m² sàn
applicants: [citizen, business]
handling_unit: qldt
workflow: standard
result: Giấy phép xây dựng
legal_basis:
  - Luật Xây dựng số 50/2014/QH13
  - 'Thông tư 15/2016/TT-BXD: hướng dẫn cấp giấy phép xây dựng'
components:
  - name: Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01)
    kind: original
    count: 1
    required: true
    file_types: [pdf, jpeg, png]
    max_size_mb: 10
    template: mau-01-don-xin-cap-gpxd.docx
  - name: Bản vẽ thiết kế
    kind: copy
    count: 2
    file_types: [pdf, dwg]
    max_size_mb: 50
form:
  - key: owner
    type: group
    label: Thông tin chủ đầu tư
    label_en: Owner
    fields:
      - key: full_name
        type: text
        label: Họ và tên
        required: true
        max_length: 100
        prefill: profile.full_name
      - key: id_number
        type: citizen_id
        label: Số CCCD/CMND
        required: true
        prefill: profile.id_number
      - key: birth_date
        type: date
        label: Ngày sinh
        max: today
  - key: co_owners
    type: repeat
    label: Đồng sở hữu
    min_items: 0
    max_items: 10
    fields:
      - key: full_name
        type: text
        label: Họ và tên
        required: true
  - key: floors
    type: number
    label: Số tầng
    required: true
    integer: true
    min: 1
    max: 7
  - key: area
    type: number
    label: Diện tích sàn (m²)
    min: 0.5
  - key: cost
    type: money
    label: Giá trị công trình
    min: 0
  - key: purpose
    type: choice
    label: Mục đích sử dụng
    options:
      - value: o
        label: Nhà ở
      - value: khac
        label: Khác
        label_en: Other
    required: true
  - key: note_other
    type: long_text
    label: Ghi chú
    help: 'Ví dụ: kinh doanh kết hợp'
    max_length: 2000
    show_if:
      field: purpose
      equals: [khac]
  - key: owner_is_applicant
    type: yes_no
    label: Chủ đầu tư là người nộp hồ sơ
  - key: contact_phone
    type: phone
    label: Số điện thoại liên hệ
    pattern: 0[0-9]{9}
    show_if:
      field: owner_is_applicant
      equals: [false]
  - key: start
    type: date
    label: Ngày khởi công
    min: 2017-01-01
)"},
      {"procedures/H26.SO.CT.01.yaml", R"(code: H26.SO.CT.01
version: 1
valid_from: 2017-01-01
name: Cấp giấy phép bán lẻ sản phẩm thuốc lá
field: cong-thuong
tiers: [department]
department: 000.00.01.H26
level: 4
processing_time:
  working_days: 10
fee:
  - name: Phí thẩm định
    amount: 1200000
applicants: [business]
handling_unit: qltm
workflow: standard
result: Giấy phép bán lẻ sản phẩm thuốc lá
legal_basis:
  - Nghị định 67/2013/NĐ-CP
components:
  - name: Đơn đề nghị cấp giấy phép
    kind: original
    count: 1
    required: true
    file_types: [pdf, docx]
    max_size_mb: 10
  - name: Bản sao giấy chứng nhận đăng ký doanh nghiệp
    kind: certified_copy
    count: 1
    file_types: [pdf]
    max_size_mb: 10
)"},
      {"waves.yaml", R"(waves:
  - number: 1
    name: Đợt 1
    date: 2017-01-19
    rollouts:
      - procedures: [H26.PX.HT.01]
        agencies:
          tiers: [ward]
      - procedures: [H26.QH.TP.01]
        agencies:
          codes: [000.00.13.H26, 000.01.13.H26]
  - number: 2
    name: Đợt 2
    setting: wave2_date
    rollouts:
      - procedures: [H26.QH.XD.01]
        agencies:
          tiers: [district]
          inner_only: true
      - procedures: [H26.SO.CT.01]
        agencies:
          handling: true
  - number: 3
    name: Đợt 3
    date: 2017-03-15
    rollouts:
      - procedures: [H26.PX.HT.02]
        agencies:
          tiers: [ward]
          inner_only: true
)"},
  };
}

}  // namespace motcua::core::catalog::testing
