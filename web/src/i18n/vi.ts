// Vietnamese messages: the reference catalog. Every key exists here; other languages may lack some.
export const vi = {
  'site.portal_name': 'Cổng Dịch vụ công',
  'site.home_link_label': 'Trang chủ Cổng Dịch vụ công {city}',
  'site.skip_link': 'Bỏ qua đến nội dung chính',
  'site.title_suffix': 'Cổng Dịch vụ công {city}',

  'lang.label': 'Ngôn ngữ',
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',

  'nav.label': 'Điều hướng chính',
  'nav.home': 'Trang chủ',
  'nav.procedures': 'Thủ tục hành chính',
  'nav.lookup': 'Tra cứu hồ sơ',
  'nav.login': 'Đăng nhập',

  'home.title': 'Trang chủ',
  'home.heading': 'Dịch vụ công trực tuyến {city}',
  'home.lead':
    'Tìm hiểu thủ tục hành chính, nộp hồ sơ qua mạng và theo dõi kết quả giải quyết mà không phải đến cơ quan nhà nước nhiều lần.',
  'home.tasks_heading': 'Bạn muốn làm gì?',
  'home.task_procedures_title': 'Tra cứu thủ tục hành chính',
  'home.task_procedures_text':
    'Xem giấy tờ cần chuẩn bị, thời hạn giải quyết, phí, lệ phí và nơi tiếp nhận của từng thủ tục.',
  'home.task_submit_title': 'Nộp hồ sơ trực tuyến',
  'home.task_submit_text':
    'Đăng nhập, điền tờ khai, đính kèm giấy tờ và nhận giấy tiếp nhận, hẹn trả kết quả ngay trên mạng.',
  'home.task_lookup_title': 'Theo dõi hồ sơ',
  'home.task_lookup_text':
    'Nhập mã hồ sơ để biết hồ sơ đang được xử lý ở bước nào và ngày hẹn trả kết quả.',
  'home.steps_heading': 'Nộp hồ sơ trực tuyến như thế nào?',
  'home.step_1': 'Chọn thủ tục và đọc kỹ thành phần hồ sơ, thời hạn, lệ phí.',
  'home.step_2': 'Đăng nhập, điền tờ khai và tải lên bản chụp các giấy tờ.',
  'home.step_3': 'Nhận mã hồ sơ; theo dõi tiến độ và bổ sung giấy tờ khi được yêu cầu.',
  'home.step_4': 'Nhận kết quả tại Bộ phận Tiếp nhận và Trả kết quả, qua bưu chính hoặc trực tuyến.',
  'home.levels_heading': 'Mức độ dịch vụ công trực tuyến',
  'home.levels_text':
    'Dịch vụ công trực tuyến toàn trình cho phép nộp hồ sơ, nộp phí và nhận kết quả qua mạng. Với dịch vụ một phần, bạn nộp hồ sơ qua mạng và nộp phí, nhận kết quả trực tiếp.',

  'coming_soon.text': 'Chức năng này đang được xây dựng và sẽ sớm được đưa vào sử dụng.',
  'coming_soon.back': 'Quay lại trang chủ',

  'not_found.title': 'Không tìm thấy trang',
  'not_found.text': 'Địa chỉ bạn nhập không đúng hoặc trang đã được chuyển đi nơi khác.',
  'not_found.hint': 'Nếu bạn gõ địa chỉ, hãy kiểm tra lại chính tả.',
  'not_found.back': 'Về trang chủ',

  'a11y.title': 'Tuyên bố về khả năng tiếp cận',
  'a11y.intro':
    '{operator} cam kết để mọi người, kể cả người khuyết tật, đều sử dụng được Cổng Dịch vụ công.',
  'a11y.standard_heading': 'Tiêu chuẩn áp dụng',
  'a11y.standard_text':
    'Cổng được thiết kế theo Hướng dẫn về khả năng tiếp cận nội dung web (WCAG) 2.1, mức AA, và được kiểm tra tự động trước mỗi lần phát hành.',
  'a11y.features_heading': 'Bạn có thể',
  'a11y.feature_keyboard': 'sử dụng toàn bộ trang bằng bàn phím;',
  'a11y.feature_zoom': 'phóng to văn bản tới 200% mà nội dung không bị che khuất;',
  'a11y.feature_mobile': 'sử dụng trên điện thoại có màn hình nhỏ;',
  'a11y.feature_reader': 'sử dụng trình đọc màn hình với tiếng Việt và tiếng Anh.',
  'a11y.contact_heading': 'Báo lỗi về khả năng tiếp cận',
  'a11y.contact_text':
    'Nếu bạn gặp khó khăn khi sử dụng Cổng, vui lòng gọi đường dây nóng {hotline} hoặc gửi thư tới {email}.',

  'footer.label': 'Thông tin về Cổng',
  'footer.operator': 'Cơ quan chủ quản: {operator}',
  'footer.hotline': 'Đường dây nóng: {hotline}',
  'footer.email': 'Thư điện tử: {email}',
  'footer.accessibility': 'Tuyên bố về khả năng tiếp cận',
  'footer.copyright': '© {year} {operator}',

  'error.network': 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  'error.unexpected': 'Hệ thống gặp lỗi, vui lòng thử lại sau.',
} as const;

export type MessageKey = keyof typeof vi;
